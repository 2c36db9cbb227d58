"""security_headers: one Content-Security-Policy, for the `_headers` file and a <meta> tag.

Hosts that read `_headers` (Netlify, Cloudflare Pages) send the whole policy with the
other security headers (theme/templates/_headers). GitHub Pages cannot send headers, so
every page carries the policy in <meta http-equiv> too, less what a meta tag cannot carry.
Templates get CSP_HEADER and CSP_META. The policy names inline_assets' hashes, which exist
from `initialized` on; this plugin runs later, at `generator_init`, so the order of the two
in PLUGINS does not matter (tests/built/test_plugin_order.py builds with it reversed).
"""

from urllib.parse import urlsplit

from pelican import signals

from site_model.csp import meta_policy, policy


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def directives(settings):
    form_service = origin(settings["CONTACT_FORM_ENDPOINT"])
    return {
        "default-src": "'none'",
        "style-src": settings["INLINE_CSS_HASH"],
        "script-src": settings["INLINE_JS_HASH"],
        "img-src": "'self' data:",  # data: for the favicon (plugins/inline_assets)
        # The form's script posts with fetch; without it the browser posts the form.
        "connect-src": f"'self' {form_service}",
        "form-action": f"'self' {form_service}",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
    }


def search_directives(settings):
    """The search page's: the site's, its own style and script, and what Pagefind needs
    there (plugins/site_search): its script from the site, WebAssembly for the search
    itself, and its worker."""
    site = directives(settings)
    styles = f"{site['style-src']} {settings['INLINE_SEARCH_CSS_HASH']}"
    scripts = f"'self' 'wasm-unsafe-eval' {settings['INLINE_SEARCH_JS_HASH']}"
    return {**site, "style-src": styles, "script-src": scripts, "worker-src": "'self'"}


def set_policies(generator):
    settings, context = generator.settings, generator.context
    context["CSP_HEADER"] = policy(directives(settings))
    context["CSP_META"] = meta_policy(directives(settings))
    context["SEARCH_CSP_HEADER"] = policy(search_directives(settings))
    context["SEARCH_CSP_META"] = meta_policy(search_directives(settings))
    # Pagefind's worker (output/pagefind/), under its own script's policy (CSP 3, workers).
    worker = {"default-src": "'none'", "script-src": "'self' 'wasm-unsafe-eval'"}
    context["SEARCH_WORKER_CSP_HEADER"] = policy({**worker, "connect-src": "'self'"})


def register():
    signals.generator_init.connect(set_policies)
