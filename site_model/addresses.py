"""The site's addresses, each rule once: file name → slug → address → saved file, and the
old addresses that still answer (`original_url:` in front matter, content/gone.txt).

Addresses are relative, as Pelican writes them: "tjanster/teamcoaching/", "404.html".
"""

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from pelican.utils import slugify

ORIGINAL_URL = "original_url"  # the front-matter field of a renamed file's old address(es)
GONE_FILE = "gone.txt"  # in the content folder: one address a line, # for comments
EXAMPLE = "artiklar/gammal-adress/"
# Relative, as the site's own addresses are: no scheme, no leading /, a folder or a .html.
ADDRESS = re.compile(r"(?!/)(?![a-z][a-z0-9+.-]*:)[^\s?#]*(/|\.html)")
NOT_AN_ADDRESS = (
    "är ingen adress på den här webbplatsen — skriv den utan https://, domännamn och "
    "inledande /, med / eller .html sist, t.ex. " + EXAMPLE
)


def file_slug(stem: str, settings: dict) -> str:
    """A file name (without suffix) as the site writes it in addresses, with Pelican's
    slugify and SLUG_REGEX_SUBSTITUTIONS: 'Foto från mobilen' → 'foto-fran-mobilen'."""
    substitutions = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    return _slug(stem, tuple(tuple(pair) for pair in substitutions))


@lru_cache(maxsize=16384)
def _slug(stem, substitutions):  # asked for thousands of times a build, of the same files
    return slugify(stem, regex_subs=list(substitutions))


def saved_as(address: str) -> str:
    """The file that answers at an address: artiklar/x/ → artiklar/x/index.html, and the
    start page's "" → index.html."""
    return address + "index.html" if address.endswith("/") or not address else address


def is_address(text: str) -> bool:
    """Is `text` an address of this site as editors write them (relative, no domain)?"""
    first, slash, _ = text.partition("/")
    return bool(ADDRESS.fullmatch(text)) and not (slash and "." in first)  # no domain


def original_url(value: object) -> str | None:
    """The field check of `original_url` (schema.py): one address, or a list of them."""
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, str) for item in items):
        return f"ska vara en adress eller en lista med adresser — t.ex. '{ORIGINAL_URL}: {EXAMPLE}'"
    for item in items:
        if not is_address(item):
            return f"'{item}' {NOT_AN_ADDRESS}"


def old_addresses(value: object) -> list[str]:
    """The addresses of an `original_url` value (one, or a list), those that are addresses."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str) and is_address(item)]


def gone_lines(content_root: str | Path) -> Iterator[tuple[int, str]]:
    """(line number, address) for each line of content/gone.txt that names one; none when
    there is no such file."""
    path = Path(content_root) / GONE_FILE
    if not path.exists():
        return
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if address := line.split("#", 1)[0].strip():
            yield number, address
