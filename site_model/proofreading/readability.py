"""LIX, läsbarhetsindex (Björnsson 1968): words per sentence plus the share of long words
(more than six letters) in per cent. The bands are the usual ones (as in Swedish
Wikipedia's "Läsbarhetsindex"): under 30 very easy (children's books), 30–40 easy
(fiction, popular magazines), 40–50 medium (newspapers), 50–60 hard (official texts),
over 60 very hard (bureaucratic Swedish)."""

import re
from dataclasses import dataclass

from .words import is_long, words

# A sentence ends at . ! ? or : before a capital letter or a digit (so "t.ex. att" does
# not end one), and at the end of its block: a heading or list item is a sentence.
SENTENCE_END = re.compile(r"(?<=[.!?:])[”’\"')\]]*\s+(?=[„”\"'(]?[A-ZÅÄÖÉ0-9])")
BANDS = [(30, "mycket lätt"), (40, "lätt"), (50, "medelsvår"), (60, "svår")]
HARDEST = "mycket svår"
OPENING_WORDS = 4
# A dot after these ends no sentence ("kl. 10", "t.ex. Stockholm"); nor after an initial
# ("Anna M. Berg"). "osv." and "m.m." often do end one, so they are not here.
ABBREVIATIONS = {
    "kl",
    "s",
    "nr",
    "ca",
    "t.ex",
    "bl.a",
    "resp",
    "jfr",
    "ev",
    "st",
    "tel",
    "p.g.a",
    "pga",
    "d.v.s",
    "dvs",
    "s.k",
    "f.d",
    "fr.o.m",
    "t.o.m",
    "ang",
    "enl",
    "inkl",
    "exkl",
    "fr",
    "dr",
}
CLOSED = re.compile(r"[.!?:][”’\"')\]]*\s*$")


@dataclass(frozen=True)
class Sentence:
    line: int  # where it starts
    words: int
    long_words: int
    opening: str = ""  # its first words, to find it on a long line


def band(lix):
    """The band's Swedish name, e.g. 45 → "medelsvår"."""
    return next((name for limit, name in BANDS if lix < limit), HARDEST)


def sentences(blocks):
    """Every sentence of the blocks ([[Piece, …], …], prose.py), with the line it starts on."""
    found = []
    for block in blocks:
        start, opening, total, long = None, [], 0, 0
        for piece in block:
            parts = split_sentences(piece.text)
            for index, part in enumerate(parts):
                part_words = [word for _, word in words(part)]
                if part_words and start is None:
                    start = piece.line
                opening += part_words[: OPENING_WORDS - len(opening)]
                total += len(part_words)
                long += sum(map(is_long, part_words))
                if total and (index < len(parts) - 1 or CLOSED.search(part)):
                    found.append(Sentence(start, total, long, " ".join(opening)))
                    start, opening, total, long = None, [], 0, 0
        if total:
            found.append(Sentence(start, total, long, " ".join(opening)))
    return found


def split_sentences(text):
    """The text cut at each SENTENCE_END that follows no abbreviation or initial."""
    parts, start = [], 0
    for end in SENTENCE_END.finditer(text):
        before = text[start : end.start()].split()
        last = before[-1].rstrip(".”’\"')]").lstrip("(„”\"'") if before else ""
        if last.lower() in ABBREVIATIONS or (len(last) == 1 and last.isupper()):
            continue
        parts.append(text[start : end.start()])
        start = end.end()
    return [*parts, text[start:]]


def lix(found):
    """LIX of the sentences, rounded to a whole number; None for no words."""
    total = sum(sentence.words for sentence in found)
    if not total:
        return None
    long = sum(sentence.long_words for sentence in found)
    return round(total / len(found) + 100 * long / total)
