"""The first-render budget (docs/design.md): what a phone on a slow line needs before it can
paint a page must arrive in one TCP round trip, 14,600 bytes after gzip.

Every page inlines its CSS and blocks on nothing else, so that is the start of the HTML:
the head with its style, the site header and the page's heading. The rest of a long
article streams in behind it.
"""

import gzip

FIRST_ROUND_TRIP_BYTES = 14_600
HEADING_END = b"</h1>"


def before_first_render(html):
    """The part of a page's HTML (bytes) up to the end of its heading; all of it if none."""
    end = html.find(HEADING_END)
    return html if end < 0 else html[: end + len(HEADING_END)]


def first_render_bytes(html):
    """gzip -9 bytes of what the first paint needs."""
    return len(gzip.compress(before_first_render(html), compresslevel=9))
