"""inline_assets: what every page needs besides its HTML, written into the HTML: the theme's
stylesheet, the contact form's script and the search page's (minified, each with its
Content-Security-Policy hash) and the favicon (a data: URL).

So a page is one request. The first render needs nothing but the HTML (docs/design.md: one round
trip), and nothing else is in flight to hold up a phone's first paint: Lighthouse counts a
deferred script or the icon against LCP whenever it arrives first (docs/quality.md). The CSP
allows the two by their hashes, never 'unsafe-inline', and images from data: for the icon.
Templates get INLINE_CSS, INLINE_JS, their *_HASH, and FAVICON_URL. The HTML minifier must
leave <style> and <script> alone (pelican.conf.py: INLINE_CSS_MIN and INLINE_JS_MIN =
False), or the hashes would no longer match.
"""

import base64
import hashlib
from pathlib import Path
from urllib.parse import quote

import minify_html
from markupsafe import Markup
from pelican import signals

# The stylesheet and icon stay under static/ (the CMS links them); the script is only inlined.
ASSETS = {
    "CSS": ("static/css/site.css", "style"),
    "JS": ("scripts/contact-form.js", "script"),
    "SEARCH_CSS": ("static/css/search.css", "style"),  # the search page's only
    "SEARCH_JS": ("scripts/search.js", "script"),
}
FAVICON = "static/favicon.svg"


def without_line_comments(script):
    # minify-html's JS minifier keeps a comment that stands before a statement; the
    # file's comments are for its maintainers, not for every page a reader loads.
    return "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))


def minified(text, tag):
    if tag == "script":
        text = without_line_comments(text)
    html = minify_html.minify(f"<{tag}>{text}</{tag}>", minify_css=True, minify_js=True)
    inline = html[len(f"<{tag}>") : -len(f"</{tag}>")]
    if f"</{tag}" in inline.lower():
        raise ValueError(f"the theme's {tag} says '</{tag}', which would end it early in a page")
    return inline


def csp_hash(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_assets(pelican):
    theme = Path(pelican.settings["THEME"])
    for name, (file, tag) in ASSETS.items():
        text = minified((theme / file).read_text("utf-8"), tag)
        pelican.settings[f"INLINE_{name}"] = Markup(text)
        pelican.settings[f"INLINE_{name}_HASH"] = csp_hash(text)
    svg = (theme / FAVICON).read_text("utf-8").strip()
    pelican.settings["FAVICON_URL"] = "data:image/svg+xml," + quote(svg, safe="/:=")


def register():
    signals.initialized.connect(inline_assets)
