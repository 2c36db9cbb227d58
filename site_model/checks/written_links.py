"""Links written as an address (`[text](/tjanster/x/)`, as the link button of /admin/ writes
them), checked against what the build wrote: only the build knows every address (lists,
old addresses, feeds, files), so this check runs when the pages are written
(plugins/content_checks) and `invoke check-content` cannot run it.

A `{filename}` link is checked before the build (site.py). Here, every other link in a
file's text that stays on this site (relative, from /, or to SITEURL's host, with or without
www.) must reach a written page or file, and its `#id` an element of that page, or of the
page an old address moves to; a link to the preview on the editor's own machine
(http://127.0.0.1:8000/…) never works for readers. A link to another site is not followed.
The preview has no SITEURL, so a link to the site's full address is checked in the
production build (CI).
"""

import difflib
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from site_model.addresses import saved_as
from site_model.markdown import parsed

from .markup import located
from .protocol import Site
from .site import url_of
from .source import Problem

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}
ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")
# An old address's page (plugins/redirects) sends the reader on: <meta … content="0; url=…">.
MOVED_TO = re.compile(r"""http-equiv=["']?refresh["']?[^>]*url=([^"'>\s]+)""", re.IGNORECASE)
PLACEHOLDER = re.compile(r"^\{\w+\}")  # {filename}, {static}, {index}, …: Pelican's own


def check_written_links(site: Site, output: Path, siteurl: str) -> list[Problem]:
    """Problems for the links of each page the build wrote into `output` whose address
    (relative, from /, or under `siteurl`) reaches nothing written there."""
    written = Written(Path(output))
    home = urlsplit(siteurl)
    problems = []
    for source in site.sources:
        page = "/" + url_of(source, site.settings)
        if not written.has(page):  # a draft in a production build: not published
            continue
        for line, href in _links(source):
            if message := _problem(href, page, written, home):
                problems.append(Problem(source.shown_as, line, message))
    return problems


class Written:
    """The files of a build, by address ("/tjanster/x/" answers with its index.html)."""

    def __init__(self, output):
        self.output = output
        self.pages = None  # every page's address, for a "did you mean"
        self.ids = {}

    def file(self, path):
        """The file at an address, or None: a file, a page, or "/kontakt" (hosts send that
        on to "/kontakt/")."""
        file = self.output / saved_as(path.lstrip("/"))
        for candidate in (file, file / "index.html"):
            if candidate.is_file():
                return candidate
        return None

    def has(self, path):
        return self.file(path) is not None

    def has_id(self, path, anchor, moves=3):
        """Whether the page at `path` (or the page an old address there moves to) has an
        element with this id; True for what is not a page."""
        file = self.file(path)
        if file is None or file.suffix != ".html":
            return True
        if file not in self.ids:
            stat = file.stat()
            self.ids[file] = _targets(str(file), stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if isinstance(self.ids[file], str):  # an old address: the host keeps the #id
            return moves == 0 or self.has_id(urlsplit(self.ids[file]).path, anchor, moves - 1)
        return anchor in self.ids[file]

    def closest(self, path):
        if self.pages is None:
            files = self.output.rglob("index.html")
            self.pages = ["/" + str(f.parent.relative_to(self.output)) + "/" for f in files]
        return next(iter(difflib.get_close_matches(path, self.pages, n=1)), None)


@lru_cache(maxsize=4096)
def _targets(path, inode, mtime_ns, size):
    """The ids of one version of a written page, or the address an old address moves to.
    Kept: the preview links each unchanged page from the last build (the same file)."""
    html = Path(path).read_text("utf-8")
    moved = MOVED_TO.search(html)
    return moved[1] if moved else frozenset(ID.findall(html))


def _links(source):
    tokens, _ = parsed("\n".join(text for _, text in source.body))
    for offset, token in located(tokens):
        if token.type == "link_open":
            yield source.body_start + offset, token.attrGet("href") or ""


def _host(parts):
    return (parts.hostname or "").removeprefix("www.")


def _problem(href, page, written, home):
    if href.startswith("#") or PLACEHOLDER.match(href):
        return None  # checked before the build (body.py, site.py), or Pelican's to resolve
    parts = urlsplit(href)
    if parts.scheme in ("http", "https") and parts.hostname in LOCAL_HOSTS:
        return (
            f"länken {href} går till förhandsvisningen på din dator, som läsarna inte når — "
            f"skriv bara adressen på webbplatsen: ({parts.path or '/'})"
        )
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or not home.hostname:
            return None  # an e-mail address, a phone number; or no SITEURL (the preview)
        if _host(parts) != _host(home):
            return None  # another site
        parts = parts._replace(path=parts.path.removeprefix(home.path.rstrip("/")) or "/")
    path = unquote(urljoin(page, parts.path)) if parts.path else page
    if not written.has(path):
        if written.has("/" + parts.path):
            fix = f"börja adressen med /: ({'/' + parts.path})"
        elif close := written.closest(path):
            fix = f"menade du {close}?"
        else:
            fix = "kontrollera adressen, eller länka till filen: ({filename}../services/x.md)"
        return f"länken {href} leder inte till någon sida på webbplatsen — {fix}"
    fragment = unquote(parts.fragment)
    # A browser finds "#top" and a text fragment ("#:~:text=…") without an id.
    if (
        fragment
        and fragment != "top"
        and not fragment.startswith(":~:")
        and not written.has_id(path, fragment)
    ):
        return (
            f"sidan {path} har inget id '#{fragment}' — kontrollera stavningen efter # i "
            "länken, eller ta bort #-delen"
        )
    return None
