"""One link-preview card: 1200 × 630, in the theme's light colours, drawn with Pillow.

Layout: the kind in capitals at the top, the title in Charis SIL Bold (the site's display
face, Charter, in its open version: theme/fonts/OFL.txt), the site's name at the bottom
above a band of the accent colour. A long title shrinks until it fits in four lines; a
word too long for a line even at the smallest size (a Swedish compound such as
"kompetensöverföringstjänsten") is hyphenated where Swedish allows; a title too long for
four lines at the smallest size ends in "…". Characters the font lacks (emoji) are left
out rather than drawn as empty boxes.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyphen
from PIL import Image, ImageDraw, ImageFont

DESIGN_VERSION = 2  # raise it when the drawing changes: every card is drawn again
FONT = Path(__file__).resolve().parents[2] / "theme" / "fonts" / "CharisSIL-Bold.ttf"
SIZE = (1200, 630)
MARGIN = 80
ROOM = SIZE[0] - 2 * MARGIN  # px, a line's width
TITLE_SIZES = range(76, 43, -4)  # px, largest first
MAX_LINES = 4
LINE_HEIGHT = 1.18
BAND = 18  # px, the accent band at the bottom
HYPHENATION = pyphen.Pyphen(lang="sv_SE")
ELLIPSIS = " …"


@dataclass(frozen=True)
class Style:
    """What a card takes from the site: the light scheme's colours (site_model/theme.py)
    and the site's names. Part of each card's cache key."""

    paper: str
    ink: str
    ink_soft: str
    accent: str
    short_name: str  # "EPM"
    full_name: str  # "Enterprise Performance Management"


@cache  # reading the font file is most of a card's time
def font(size):
    return ImageFont.truetype(str(FONT), size)


def width(text, face):
    return face.getlength(text)


def drawable(text):
    """The text less what the font cannot draw: pictographs and emoji (category So) and
    their joiners and variation selectors."""
    kept = (c for c in text if unicodedata.category(c) not in ("So", "Cs", "Co"))
    return " ".join("".join(c for c in kept if c not in "\u200d\ufe0f\ufe0e").split())


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


def shortened(line, face, room):
    """The last line that is shown, ended by "…" within the line's width."""
    words = line.rstrip(" -").split()
    while len(words) > 1 and width(" ".join(words) + ELLIPSIS, face) > room:
        words.pop()
    return " ".join(words) + ELLIPSIS


def fitted(title, room=ROOM):
    """(font, lines): the largest title size at which the title fits in MAX_LINES lines,
    breaking no word; else the smallest size, hyphenating what must break, and "…" after
    the fourth line if it is still too long."""
    for size in TITLE_SIZES:
        face = font(size)
        lines = lines_of(title, face, room)
        if lines and len(lines) <= MAX_LINES:
            return face, lines
    face = font(TITLE_SIZES[-1])
    lines = lines_of(title, face, room, hyphenate=True)
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], shortened(lines[MAX_LINES - 1], face, room)]
    return face, lines


def draw(kind_label, title, style):
    """The card as an RGB image. Saved as PNG as it is: its few flat colours compress to
    20–55 KB, and a palette (quantize) would take four times as long to make."""
    card = Image.new("RGB", SIZE, style.paper)
    pen = ImageDraw.Draw(card)
    if kind_label:
        pen.text((MARGIN, MARGIN - 10), kind_label.upper(), font=font(30), fill=style.accent)
    face, lines = fitted(drawable(title))
    top = MARGIN + 60
    for number, line in enumerate(lines):
        pen.text((MARGIN, top + number * face.size * LINE_HEIGHT), line, font=face, fill=style.ink)
    baseline = SIZE[1] - BAND - 50
    name = font(40)
    pen.text((MARGIN, baseline), style.short_name, font=name, fill=style.accent, anchor="ls")
    after = MARGIN + width(style.short_name, name) + 18
    pen.text((after, baseline), style.full_name, font=font(26), fill=style.ink_soft, anchor="ls")
    pen.rectangle((0, SIZE[1] - BAND, SIZE[0], SIZE[1]), fill=style.accent)
    return card
