"""Old addresses: `original_url` in front matter and content/gone.txt.

A renamed file names its old address so that it keeps working (plugins/redirects). An
old address that another file lives at, or that two files claim, would make one page
overwrite another; a gone address that is still served or redirected is a contradiction.
"""

import re
from pathlib import Path

from .site import generated_lists, url_of
from .source import Problem

FIELD = "original_url"
GONE_FILE = "gone.txt"  # in the content folder, as plugins/redirects reads it
EXAMPLE = "artiklar/gammal-adress/"
# Relative, as the site's own addresses are: no scheme, no leading /, a folder or a .html.
ADDRESS = re.compile(r"(?!/)(?![a-z][a-z0-9+.-]*:)[^\s?#]*(/|\.html)")


def is_address(text):
    first, slash, _ = text.partition("/")
    return bool(ADDRESS.fullmatch(text)) and not (slash and "." in first)  # no domain


def original_url(value):
    """The field check for fields.py: one address, or a list of them."""
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, str) for item in items):
        return f"must be an address, or a list of them — e.g. 'original_url: {EXAMPLE}'"
    for item in items:
        if not is_address(item):
            return (
                f"'{item}' is not an address of this site — write it like {EXAMPLE}: "
                "no https:// or domain, no / first, ending in / or .html"
            )


def old_addresses(source):
    value = source.meta.get(FIELD)
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str) and is_address(item)]


def gone_lines(path):
    """(line number, address) for each address in gone.txt."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if address := line.split("#", 1)[0].strip():
            yield number, address


def _owners_and_claims(site):
    """({address: who lives there}, {old address: "path:line" of the first file naming it})."""
    owners = generated_lists(site.settings)
    owners.update({url_of(source, site.settings): source.shown_as for source in site.sources})
    claimed = {}
    for source in site.sources:
        for address in old_addresses(source):
            claimed.setdefault(address, f"{source.shown_as}:{source.line_of(FIELD)}")
    return owners, claimed


def check_old_addresses(site):
    """Problems with the old addresses files name: their own, another's, or claimed twice."""
    owners, claimed = _owners_and_claims(site)
    for source in site.sources:
        line = source.line_of(FIELD)
        for address in old_addresses(source):
            if address == url_of(source, site.settings):
                fix = f"remove it: '{FIELD}' is for the address the file had before a rename"
                message = f"'{FIELD}: {address}' is this file's own address — {fix}"
            elif address in owners:
                message = (
                    f"'{FIELD}: {address}' is the address of {owners[address]} — "
                    "remove it here, or rename that file first"
                )
            elif claimed[address] != f"{source.shown_as}:{line}":
                message = (
                    f"'{FIELD}: {address}' is also named by {claimed[address]} — "
                    "keep it in the one file that replaced the old page"
                )
            else:
                continue
            yield Problem(source.shown_as, line, message)


def check_gone_file(site):
    """Problems with gone.txt: a line that is no address, or one still served or redirected."""
    gone_file = Path(site.content_root) / GONE_FILE
    if not gone_file.exists():
        return
    owners, claimed = _owners_and_claims(site)
    for line, address in gone_lines(gone_file):
        if not is_address(address):
            message = (
                f"'{address}' is not an address of this site — write it like {EXAMPLE}: "
                "no https:// or domain, no / first, ending in / or .html"
            )
        elif address in owners:
            message = f"{address} is the address of {owners[address]} — remove this line"
        elif address in claimed:
            message = f"{address} is redirected by {claimed[address]} — remove this line"
        else:
            continue
        yield Problem(site.shown(gone_file), line, message)
