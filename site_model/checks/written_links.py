"""Links written as an address (`[text](/tjanster/x/)`, as the link button of /admin/ writes
them), checked against what the build wrote: only the build knows every address (lists,
old addresses, feeds, files), so this check runs when the pages are written
(plugins/content_checks) and `invoke check-content` cannot run it.

A `{filename}` link is checked before the build (site.py). Here, every other link in a
file's text that stays on this site must reach a written page or file, and its `#id` an
element of that page; a link to the preview on the editor's own machine
(http://127.0.0.1:8000/…) never works for readers. A link to another site is not followed.
"""

import difflib
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from site_model.addresses import saved_as
from site_model.markdown import parsed

from .markup import PELICAN_LINK, located
from .protocol import Site
from .site import url_of
from .source import Problem

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}
ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")


def check_written_links(site: Site, output: Path, siteurl: str) -> list[Problem]:
    """Problems for the links of each page the build wrote into `output` whose address
    (relative, from /, or under `siteurl`) reaches nothing written there."""
    written = Written(Path(output))
    problems = []
    for source in site.sources:
        page = "/" + url_of(source, site.settings)
        if not written.has(page):  # a draft in a production build: not published
            continue
        for line, href in _links(source):
            if message := _problem(href, page, written, siteurl):
                problems.append(Problem(source.shown_as, line, message))
    return problems


class Written:
    """The files of a build, by address ("/tjanster/x/" answers with its index.html)."""

    def __init__(self, output):
        self.output = output
        self.pages = None  # every page's address, for a "did you mean"
        self.ids = {}

    def has(self, path):
        """A file, or a page; "/kontakt" too, which hosts send on to "/kontakt/"."""
        file = self.output / saved_as(path.lstrip("/"))
        return file.is_file() or (file / "index.html").is_file()

    def has_id(self, path, anchor):
        if path not in self.ids:
            html = (self.output / saved_as(path.lstrip("/"))).read_text("utf-8")
            self.ids[path] = set(ID.findall(html))
        return anchor in self.ids[path]

    def closest(self, path):
        if self.pages is None:
            files = self.output.rglob("index.html")
            self.pages = ["/" + str(f.parent.relative_to(self.output)) + "/" for f in files]
        return next(iter(difflib.get_close_matches(path, self.pages, n=1)), None)


def _links(source):
    tokens, _ = parsed("\n".join(text for _, text in source.body))
    for offset, token in located(tokens):
        if token.type == "link_open":
            yield source.body_start + offset, token.attrGet("href") or ""


def _problem(href, page, written, siteurl):
    if href.startswith("#") or PELICAN_LINK.match(href):
        return None  # checked before the build (body.py, site.py)
    parts = urlsplit(href)
    if parts.scheme in ("http", "https") and parts.hostname in LOCAL_HOSTS:
        return (
            f"länken {href} går till förhandsvisningen på din dator, som läsarna inte når — "
            f"skriv bara adressen på webbplatsen: ({parts.path or '/'})"
        )
    if parts.scheme or parts.netloc:
        if not (siteurl and href.startswith(siteurl.rstrip("/") + "/")):
            return None  # another site, an e-mail address, a phone number
        parts = urlsplit(href.removeprefix(siteurl.rstrip("/")))
    path = unquote(urljoin(page, parts.path)) if parts.path else page
    if not written.has(path):
        if written.has("/" + parts.path):
            fix = f"börja adressen med /: ({'/' + parts.path})"
        elif close := written.closest(path):
            fix = f"menade du {close}?"
        else:
            fix = "kontrollera adressen, eller länka till filen: ({filename}../services/x.md)"
        return f"länken {href} leder inte till någon sida på webbplatsen — {fix}"
    if parts.fragment and path.endswith("/") and not written.has_id(path, parts.fragment):
        return (
            f"sidan {path} har inget id '#{parts.fragment}' — kontrollera orden i länken, "
            "eller ta bort #-delen"
        )
    return None
