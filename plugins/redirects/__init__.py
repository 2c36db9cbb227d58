"""redirects: a renamed file keeps its old address working (front matter `original_url:`).

For each old address (one, or a list) the build writes a small page there that sends the
browser on at once (meta refresh 0, a canonical link to the new address, noindex and a
Swedish link for the rare browser that does not follow), and a `_redirects` file with a
301 line for hosts that read it (Netlify, Cloudflare Pages). Addresses listed in
content/gone.txt, pages removed for good, get a 410 line there. content_checks stops
the build first if an old address is taken or malformed.

Not pelican-redirect (PyPI 3.0.0): it takes one original_url only (a list crashes it),
and writes its own fixed English page with no lang, noindex or CSP meta, which the site's
Nu-checker and CSP gates would reject, and no `_redirects`.

Written in every build, the preview too: an editor can try the old address locally, and
the preview then behaves as production does. The pages are written straight to disk,
not through Pelican's writer, so the sitemap (which collects what the writer writes) and
the feed never list an old address.
"""

import logging
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader
from pelican import signals
from pelican.generators import Generator

from site_model.addresses import GONE_FILE, ORIGINAL_URL, gone_lines, old_addresses, saved_as
from site_model.contents import PUBLISHED, contents

GONE_PAGE = "404.html"  # what Netlify shows, with status 410, at a gone address
TEMPLATE = "redirect.html"
REDIRECTS_FILE = "_redirects"
log = logging.getLogger(__name__)


def moved_contents(context):
    """Every published article, page and service that names an old address."""
    for content in contents(context, PUBLISHED):
        for address in old_addresses(content.metadata.get(ORIGINAL_URL)):
            yield address, content


def redirect_page(template, context, content):
    """The page at an old address; it sends the browser to content's own address. The
    context, not the settings: it holds the CSP that security_headers works out."""
    origin = context["SITE_ORIGIN"]
    return template.render(
        settings=context,
        title=content.title,
        target=site_path(context) + "/" + content.url,
        canonical=f"{origin}/{content.url}",
    )


def site_path(settings):
    """ "" for a site at its host's root, "/repo" for one in a subfolder (GitHub Pages)."""
    return urlsplit(settings["SITEURL"]).path


class RedirectGenerator(Generator):
    def generate_output(self, writer):
        output, root = Path(self.output_path), site_path(self.settings)
        env = Environment(loader=FileSystemLoader(Path(__file__).parent), autoescape=True)
        template = env.get_template(TEMPLATE)
        moved = sorted(moved_contents(self.context), key=lambda item: item[0])
        for address, content in moved:
            page = output / saved_as(address)
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(redirect_page(template, self.context, content), "utf-8")
        gone = [address for _, address in gone_lines(self.settings["PATH"])]
        lines = [f"# Written by plugins/redirects from '{ORIGINAL_URL}' and content/{GONE_FILE}."]
        lines += [f"{root}/{address} {root}/{content.url} 301" for address, content in moved]
        lines += [f"{root}/{address} {root}/{GONE_PAGE} 410" for address in gone]
        (output / REDIRECTS_FILE).write_text("\n".join(lines) + "\n", "utf-8")
        log.info("redirects: %d old addresses, %d gone for good", len(moved), len(gone))


def get_generators(pelican):
    return RedirectGenerator


def register():
    signals.get_generators.connect(get_generators)
