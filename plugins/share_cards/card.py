"""One link-preview card: 1200 × 630, the theme's light colours, drawn with Pillow.

Layout: the kind in small capitals at the top, the title in Charis SIL Bold (the site's
display face, Charter, in its open version: theme/fonts/OFL.txt), EPM's name at the
bottom above a band of the accent colour. A long title shrinks until it fits in four
lines; a word too long for a line even at the smallest size (a Swedish compound such as
"kompetensöverföringstjänsten") is hyphenated, where Swedish allows.
"""

from functools import cache
from pathlib import Path

import pyphen
from PIL import Image, ImageDraw, ImageFont

DESIGN_VERSION = 1  # raise it when the drawing changes: every card is drawn again
FONT = Path(__file__).resolve().parents[2] / "theme" / "fonts" / "CharisSIL-Bold.ttf"
SIZE = (1200, 630)
MARGIN = 80
# theme/static/css/site.css, light: --paper, --ink, --ink-soft, --accent
PAPER, INK, INK_SOFT, ACCENT = "#faf8f4", "#1c2430", "#4a5361", "#1d5c57"
TITLE_SIZES = range(76, 43, -4)  # px, largest first
MAX_LINES = 4
LINE_HEIGHT = 1.18
BAND = 18  # px, the accent band at the bottom
HYPHENATION = pyphen.Pyphen(lang="sv_SE")


@cache  # reading the font file is most of a card's time
def font(size):
    return ImageFont.truetype(str(FONT), size)


def width(text, face):
    return face.getlength(text)


def broken(word, face, room):
    """A word wider than the line, in pieces that fit, each but the last ending in '-',
    broken where Swedish hyphenation allows (Pyphen's dictionary), else where it must."""
    pieces = []
    while width(word, face) > room:
        fits = [p for p in HYPHENATION.positions(word) if width(word[:p] + "-", face) <= room]
        cut = (
            fits[-1]
            if fits
            else max(n for n in range(1, len(word)) if width(word[:n] + "-", face) <= room)
        )
        pieces.append(word[:cut] + "-")
        word = word[cut:]
    return [*pieces, word]


def lines_of(title, face, room, hyphenate=False):
    """The title wrapped at spaces into lines no wider than `room` (px); None if a word
    is wider than the line and `hyphenate` is False."""
    lines, line = [], ""
    for word in title.split():
        pieces = [word]
        if width(word, face) > room:
            if not hyphenate:
                return None
            pieces = broken(word, face, room)
        for piece in pieces:
            candidate = f"{line} {piece}".strip()
            if width(candidate, face) <= room:
                line = candidate
            else:
                lines.append(line)
                line = piece
    return [*lines, line] if line else lines


def fitted(title, room):
    """(font, lines): the largest title size at which the title fits in MAX_LINES lines,
    breaking no word; else the smallest size, hyphenating what must break."""
    for size in TITLE_SIZES:
        face = font(size)
        lines = lines_of(title, face, room)
        if lines and len(lines) <= MAX_LINES:
            return face, lines
    face = font(TITLE_SIZES[-1])
    lines = lines_of(title, face, room, hyphenate=True)
    if len(lines) > MAX_LINES:  # cut, with an ellipsis, rather than run off the card
        lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1].rstrip(" -") + " …"]
    return face, lines


def draw(kind_label, title, site_short="EPM", site_full="Enterprise Performance Management"):
    """The card as an RGB image. Saved as PNG as it is: its few flat colours compress to
    about 10–25 KB, and a palette (quantize) would take four times as long to make."""
    card = Image.new("RGB", SIZE, PAPER)
    pen = ImageDraw.Draw(card)
    room = SIZE[0] - 2 * MARGIN
    if kind_label:
        pen.text((MARGIN, MARGIN - 10), kind_label.upper(), font=font(30), fill=ACCENT)
    face, lines = fitted(title, room)
    line_height = face.size * LINE_HEIGHT
    top = MARGIN + 60
    for number, line in enumerate(lines):
        pen.text((MARGIN, top + number * line_height), line, font=face, fill=INK)
    bottom = SIZE[1] - BAND - 50
    pen.text((MARGIN, bottom), site_short, font=font(40), fill=ACCENT, anchor="ls")
    after = MARGIN + width(site_short, font(40)) + 18
    pen.text((after, bottom), site_full, font=font(26), fill=INK_SOFT, anchor="ls")
    pen.rectangle((0, SIZE[1] - BAND, SIZE[0], SIZE[1]), fill=ACCENT)
    return card
