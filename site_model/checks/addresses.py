"""Old addresses: `original_url` in front matter and content/gone.txt.

A renamed file names its old address so that it keeps working (plugins/redirects). An
old address that another file lives at, or that two files claim, would make one page
overwrite another; a gone address that is still served or redirected is a contradiction.
"""

from site_model.addresses import (
    GONE_FILE,
    NOT_AN_ADDRESS,
    ORIGINAL_URL,
    gone_lines,
    is_address,
    old_addresses,
)

from .site import generated_lists, url_of
from .source import Problem


def _owners_and_claims(site):
    """({address: who lives there}, {old address: "path:line" of the first file naming it})."""
    owners = generated_lists(site.settings)
    owners.update({url_of(source, site.settings): source.shown_as for source in site.sources})
    claimed = {}
    for source in site.sources:
        for address in old_addresses(source.meta.get(ORIGINAL_URL)):
            claimed.setdefault(address, f"{source.shown_as}:{source.line_of(ORIGINAL_URL)}")
    return owners, claimed


def check_old_addresses(site):
    """Problems with the old addresses files name: their own, another's, or claimed twice."""
    owners, claimed = _owners_and_claims(site)
    for source in site.sources:
        line = source.line_of(ORIGINAL_URL)
        for address in old_addresses(source.meta.get(ORIGINAL_URL)):
            if address == url_of(source, site.settings):
                fix = (
                    f"ta bort den: '{ORIGINAL_URL}' är till för adressen filen hade "
                    "innan den bytte namn"
                )
                message = f"'{ORIGINAL_URL}: {address}' är den här filens egen adress — {fix}"
            elif address in owners:
                message = (
                    f"'{ORIGINAL_URL}: {address}' är adressen till {owners[address]} — "
                    "ta bort den här, eller byt namn på den filen först"
                )
            elif claimed[address] != f"{source.shown_as}:{line}":
                message = (
                    f"'{ORIGINAL_URL}: {address}' står också i {claimed[address]} — "
                    "behåll den bara i den fil som ersatte den gamla sidan"
                )
            else:
                continue
            yield Problem(source.shown_as, line, message)


def check_gone_file(site):
    """Problems with gone.txt: a line that is no address, or one still served or redirected."""
    owners, claimed = _owners_and_claims(site)
    for line, address in gone_lines(site.content_root):
        if not is_address(address):
            message = f"'{address}' {NOT_AN_ADDRESS}"
        elif address in owners:
            message = f"{address} är adressen till {owners[address]} — ta bort den här raden"
        elif address in claimed:
            message = (
                f"{address} leds redan vidare via '{ORIGINAL_URL}' i {claimed[address]} — "
                "ta bort den här raden"
            )
        else:
            continue
        yield Problem(site.shown(site.content_root / GONE_FILE), line, message)
