"""check-urls: every address in the last deploy's sitemap still answers in the new build.

An address passes when the build has a file there (a page, or the redirect page that
`original_url` makes) or when content/gone.txt lists it. A site that answers that it has
no sitemap (NOT_PUBLISHED: 404, 410) means nothing was published yet: a note, not a
failure. A site that cannot be reached fails: a network fault must not wave a deploy
through. `invoke check-urls` builds first only when output/ is missing or stale.
"""

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from site_model.addresses import GONE_FILE, gone_lines
from site_model.checks.annotations import on_github_actions, workflow_command

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITEMAP_LOC = f"{SITEMAP}url/{SITEMAP}loc"
NOT_PUBLISHED = {404, 410}
TIMEOUT = 30  # seconds
FIX = (
    'lägg till "original_url: {address}" i filen som ersatte sidan, '
    f"eller skriv adressen i content/{GONE_FILE} om sidan är borta för gott"
)


@dataclass
class Result:
    sitemap: str
    published: bool = True  # False: no sitemap there yet
    root: str = "/"  # the site's root path on its host
    listed: set = field(default_factory=set)
    missing: list = field(default_factory=list)


class NotPublished(Exception):
    """No sitemap at that URL: the site has not been published there yet."""


def is_url(source):
    return urlsplit(str(source)).scheme in ("http", "https")


def read_sitemap(source):
    """(sitemap XML, the site's root path) from a URL or a file.

    A sitemap sits at its site's root, so a URL gives the root path (/ or /repo/ on a
    GitHub Pages project site); a file is read as a site at the root of its host.
    """
    if not is_url(source):
        if not Path(source).is_file():
            raise SystemExit(f"check-urls: no file {source} — give the sitemap's URL or a copy")
        return Path(source).read_bytes(), "/"
    request = urllib.request.Request(source, headers={"User-Agent": "epm-check-urls"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            xml = response.read()
    except urllib.error.HTTPError as error:
        if error.code in NOT_PUBLISHED:
            raise NotPublished(f"{source} answers {error.code}") from error
        # Something answered, but not with the list: no telling which addresses would break.
        raise SystemExit(
            f"check-urls: {source} answers {error.code} — cannot compare; "
            "try again when the live site answers"
        ) from error
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        # Not "not published yet": a network failure must not wave a deploy through.
        raise SystemExit(
            f"check-urls: {source} cannot be reached ({error}) — check the address, "
            "or try again when the network answers"
        ) from error
    return xml, urlsplit(source).path.rsplit("/", 1)[0] + "/"


def listed_addresses(xml, root="/"):
    """The sitemap's addresses, relative to the site root: "", "artiklar/x/", "404.html"."""
    try:
        locs = ET.fromstring(xml).iterfind(SITEMAP_LOC)
    except ET.ParseError as error:
        raise SystemExit(f"check-urls: the sitemap is not valid XML ({error})") from error
    addresses = set()
    for loc in locs:
        path = unquote(urlsplit((loc.text or "").strip()).path)
        addresses.add(path.removeprefix(root).lstrip("/"))
    return addresses


def served_addresses(output):
    """Every address the built folder answers: a file, or a folder with an index.html."""
    served = set()
    for file in Path(output).rglob("*"):
        if file.is_file():
            address = file.relative_to(output).as_posix()
            served.add(address)
            if file.name == "index.html":
                folder = address.removesuffix("index.html")
                served.update({folder, folder.rstrip("/")})
    return served


def missing_addresses(listed, served, gone):
    return sorted(set(listed) - set(served) - set(gone))


def newest_change(paths):
    """The newest time a file or folder below `paths` changed. Folders count: renaming or
    deleting a file changes its folder, and nothing else."""
    times = [
        entry.stat().st_mtime
        for path in paths
        for entry in ([path] if path.is_file() else [path, *path.rglob("*")])
    ]
    return max(times, default=0)


def is_fresh(output, sources):
    """output/ is fresh when it is at least as new as every source: content/, the theme,
    the plugins and the settings files (which set the URL patterns)."""
    output = Path(output)
    if not output.is_dir():
        return False
    return newest_change([output]) >= newest_change([Path(p) for p in sources if Path(p).exists()])


def problem_line(address):
    return f"check-urls: /{address} var publicerad men finns inte i det här bygget — " + FIX.format(
        address=address
    )


def check(sitemap, output, content):
    """Compare; print one line per missing address (and a workflow command on GitHub)."""
    try:
        xml, root = read_sitemap(sitemap)
    except NotPublished as reason:
        print(f"check-urls: nothing to compare, {reason}: a first deploy passes.")
        return Result(sitemap, published=False)
    listed = listed_addresses(xml, root)
    missing = missing_addresses(
        listed, served_addresses(output), [a for _, a in gone_lines(content)]
    )
    for address in missing:
        print(problem_line(address))
        if on_github_actions():
            message = problem_line(address).removeprefix("check-urls: ")
            print(workflow_command(message, title="Adress försvinner"))
    if not missing:
        print(f"check-urls: all {len(listed)} addresses of {sitemap} still answer.")
    return Result(sitemap, root=root, listed=listed, missing=missing)
