"""The <picture> an editor's image becomes: a modern format for the browsers that take it,
the fallback format in <img>, both as a srcset of widths with the column's `sizes`."""

import re

from .variants import MIME

# Content images sit in the text column: .prose is max-width: var(--measure) = 42rem,
# inside .wrap's padding-inline of var(--space) = 1.5rem a side (theme/static/css/site.css).
COLUMN_REM = 42
GUTTERS_REM = 3
REM_PX = 16
COLUMN_SIZES = (
    f"(min-width: {COLUMN_REM + GUTTERS_REM}rem) {COLUMN_REM}rem, calc(100vw - {GUTTERS_REM}rem)"
)
ATTRIBUTE = re.compile(r'([^\s=/>]+)(?:\s*=\s*"([^"]*)")?')
DROPPED = {"src", "width", "height", "srcset", "sizes"}  # ours to set
REDUCED_MOTION = "(prefers-reduced-motion: reduce)"


def attributes(tag):
    """{name: value} of an <img> tag as Markdown writes it (double-quoted values)."""
    inside = tag[4:].rstrip(">").rstrip("/")
    return {name.lower(): value for name, value in ATTRIBUTE.findall(inside)}


def sizes(width):
    """How wide the image shows: the column, or its own width when it is narrower."""
    if width >= COLUMN_REM * REM_PX:
        return COLUMN_SIZES
    gutters = GUTTERS_REM * REM_PX
    return f"(min-width: {width + gutters}px) {width}px, calc(100vw - {GUTTERS_REM}rem)"


def srcset(url_of, variants, image_format):
    return ", ".join(f"{url_of(image_format, w)} {w}w" for w in variants.widths)


def picture(tag, variants, url_of, extra, shown=None):
    """The <picture> for an <img> tag; url_of(format, width) gives a variant's address,
    `extra` the attributes we add (loading, decoding, fetchpriority), `shown` its `sizes`
    (default: the text column's, or the image's own width when narrower)."""
    kept = {k: v for k, v in attributes(tag).items() if k not in DROPPED}
    shown = shown or sizes(variants.widths[-1])
    img = {
        **kept,
        "src": url_of(variants.fallback, variants.fallback_width),
        "srcset": srcset(url_of, variants, variants.fallback),
        "sizes": shown,
        "width": str(variants.widths[-1]),
        "height": str(variants.height_at(variants.widths[-1])),
        **{k: v for k, v in extra.items() if k not in kept},
    }
    source = (
        f'<source type="{MIME[variants.modern]}" '
        f'srcset="{srcset(url_of, variants, variants.modern)}" sizes="{shown}">'
    )
    if variants.animated:  # the first frame, still, for readers who ask for less motion
        still = srcset(url_of, variants, variants.fallback)
        source = f'<source media="{REDUCED_MOTION}" srcset="{still}" sizes="{shown}">' + source
    written = " ".join(f'{k}="{v}"' if v is not None else k for k, v in img.items())
    return f"<picture>{source}<img {written}></picture>"
