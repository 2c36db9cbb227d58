"""Words in a line of prose, for the spelling check and for LIX."""

import re

# A word between spaces or dashes (Stockholm–Göteborg), the punctuation around it left out
# (quotes, brackets, full stops): group 1. One regex, as it runs on every word of the site.
TOKEN = re.compile(r"(?=[^\s–—])[^\w\s–—]*([^\s–—]*?)[^\w\s–—]*(?=[\s–—]|\Z)")
SLASHED = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)+")  # chefer/medarbetare: two words
# Letters, maybe joined by - (e-post), : (EPM:s) or an apostrophe: a word Hunspell can judge.
SPELLABLE = re.compile(r"[^\W\d_]+(?:[-:'’][^\W\d_]+)*")
# An abbreviation with dots (t.ex., bl.a., fr.o.m.): checked with its last dot, so that
# "t.ex" is caught; a short first part and no top-level domain at the end keep domain
# names (epm.se, ki.se) out.
ABBREVIATION = re.compile(
    r"(?![^.]+\.(?:se|nu|com|org|net|eu|io|fi|no|dk)$)[^\W\d_]{1,2}(?:\.[^\W\d_]{1,3})+\.?"
)
LONG_WORD = 6  # LIX: a long word has more than six letters (Björnsson 1968)


def words(text):
    """[(column, word)]: every word of the text (letters or digits), without the punctuation
    around it; column is where the word itself starts."""
    found = []
    for match in TOKEN.finditer(text):
        word, start = match[1], match.start(1)
        # The cheap `in` tests first: these run for every word of the site on every build.
        after = start + len(word)
        if "." in word and text[after : after + 1] == "." and ABBREVIATION.fullmatch(word):
            word += "."
        if "/" in word and SLASHED.fullmatch(word):
            column = start
            for part in word.split("/"):
                found.append((column, part))
                column += len(part) + 1
        elif any(ch.isalnum() for ch in word):
            found.append((start, word))
    return found


def spellable(word):
    """A word to spell-check: letters only (no numbers, addresses, file names or
    abbreviations with dots), not one letter, and not an acronym (EPM, ICF, EPM:s)."""
    if ABBREVIATION.fullmatch(word):
        return True
    if len(word) < 2 or not SPELLABLE.fullmatch(word):
        return False
    stem = word.split(":")[0]
    return not (len(stem) > 1 and stem.isupper())


def is_long(word):
    if len(word) <= LONG_WORD:  # the cheap test first: it runs for every word of the site
        return False
    return word.isalpha() or sum(ch.isalpha() for ch in word) > LONG_WORD
