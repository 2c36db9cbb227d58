"""Proofreading: the Swedish spelling and the readability (LIX) of every content file, as
notes that point to a line and never stop a build (docs/editing.md, "Stavning och
läsbarhet"). `proofread(settings)` reads the content folder as the content checks do;
plugins/proofreading prints the notes on every build, `invoke check-content` too, and
`invoke publish` adds the LIX table to the run's summary on GitHub.
"""

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from site_model.checks import content_files, shown_path
from site_model.checks.source import read_source

from .prose import body_blocks, field_blocks
from .readability import Sentence, band, lix, sentences
from .spelling import WORD_LIST, Speller, SpellingUnavailable, word_list_entries
from .stored import Results
from .words import ABBREVIATION, spellable, words

HARD = 50  # LIX from 50 is "svår": the page gets a note at its longest sentence
MIN_WORDS = 50  # a hard-text note needs this many words; LIX says little about fewer
LONGEST_SHOWN = 3
# Words ending in s that are no noun's joining s: "tills vidare" is right as two words.
NOT_JOINING_S = {"tills", "dels", "hans", "dess", "vars", "ens", "hos", "oss", "annars"}
# After these a word in -s is a genitive: "en organisations kultur", "varje företags mål".
DETERMINERS = {
    "en",
    "ett",
    "varje",
    "någon",
    "något",
    "ingen",
    "inget",
    "vilken",
    "vilket",
    "denna",
    "detta",
    "samma",
    "annan",
    "annat",
    "min",
    "mitt",
    "din",
    "ditt",
    "sin",
    "sitt",
    "vår",
    "vårt",
    "er",
    "ert",
    "hans",
    "hennes",
    "dess",
    "deras",
    "dennes",
    "vars",
}


@dataclass(frozen=True)
class Note:
    """One thing for the editor to look at: `path:line: message`."""

    path: str
    line: int
    message: str
    title: str  # Stavning, Särskrivning or Läsbarhet: GitHub shows it above the message

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Page:
    """One content file's body: its words, LIX and longest sentences, and spelling notes."""

    path: str
    words: int
    lix: int | None  # None when the body has no words
    longest: list[Sentence]  # the longest first
    flagged: int

    @property
    def band(self):
        return band(self.lix) if self.lix is not None else None


@dataclass
class Proofreading:
    notes: list[Note] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    unavailable: str | None = None  # why the spelling was not checked


@dataclass(frozen=True)
class Word:
    path: str
    line: int
    text: str
    spaced: bool  # only a space between it and the word before, on the same line


@dataclass(frozen=True)
class Text:
    """What one content file gives the proofreading."""

    path: str  # as shown
    words: list[Word]  # of its prose fields (prose.py) and its body, in order
    sentences: list[Sentence]  # of the body


def proofread(settings):
    """The notes and pages (a Proofreading) of the content folder settings["PATH"]. A file
    proofread before, unchanged and with the same word list, is not read again (stored.py)."""
    content_root = Path(settings["PATH"])
    word_list = content_root / WORD_LIST
    result = Proofreading()
    try:
        checker = speller(word_list)
    except SpellingUnavailable as error:
        checker, result.unavailable = None, str(error)
    results, listed_as = Results(tuple(word_list_entries(word_list))), shown_path(word_list)
    # Each file's bytes read once: a result is kept under the very bytes it is of.
    files = [
        (path, kind, path.read_bytes()) for path, kind in content_files(content_root, settings)
    ]
    keys = [results.key(raw, kind) for _, kind, raw in files]
    found = [
        checker and _as_shown(results.get(key), shown_path(path), listed_as)
        for (path, *_), key in zip(files, keys, strict=True)
    ]
    new = {
        at: text
        for at, (path, kind, raw) in enumerate(files)
        if not found[at] and (text := read(path, kind, raw))
    }
    notes = []
    if checker:
        try:  # the new texts' words in one Hunspell call
            found_words = [word for text in new.values() for word in text.words]
            notes = spelling_notes(found_words, checker, listed_as)
        except SpellingUnavailable as error:
            checker, result.unavailable = None, str(error)
    for at, text in new.items():
        own = [note for note in notes if note.path == text.path]
        found[at] = (own, readability(text.path, text.sentences, len(own)))
        if checker:  # complete: its spelling was checked
            results.put(keys[at], (*found[at], listed_as))
    for kept in filter(None, found):
        result.notes += kept[0]
        result.pages.append(kept[1])
    result.notes += [note for page in result.pages if (note := hard_text_note(page))]
    result.notes.sort(key=lambda note: (note.path, note.line, note.message))
    return result


def _as_shown(kept, shown, listed_as):
    """A kept result (notes, page, and the word list's path as shown when it was kept)
    with today's paths: a copy of the content elsewhere (a test's, the editor scenario's)
    has the same files under other paths."""
    if not kept:
        return None
    notes, page, was_listed_as = kept
    return [
        replace(note, path=shown, message=note.message.replace(was_listed_as, listed_as))
        for note in notes
    ], replace(page, path=shown)


def read(path, kind, raw=None):
    """The file's Text, or None when it cannot be read (the content checks say why).
    `raw`: its bytes, when read already."""
    shown = shown_path(path)
    source, _ = read_source(path, shown, kind, raw)
    if source is None:
        return None
    body = body_blocks(source)
    pieces = [piece for block in field_blocks(source) + body for piece in block]
    return Text(
        shown, [word for piece in pieces for word in line_words(shown, piece)], sentences(body)
    )


def line_words(path, piece):
    found, end = [], None
    for column, text in words(piece.text):
        spaced = end is not None and piece.text[end:column] == " "
        found.append(Word(path, piece.line, text, spaced))
        end = column + len(text)
    return found


@lru_cache(maxsize=8)  # the real and the fixture word lists, and a test's
def _speller(entries):
    return Speller(entries)


def speller(word_list):
    """One Speller per word list: live reload keeps the suggestions it has looked up."""
    return _speller(tuple(word_list_entries(word_list)))


def joinable(first, second):
    """Could these two words be a compound split in two (särskrivning)? Both in lower case
    with only a space between."""
    return (
        second.spaced
        and first.text.isalpha()
        and second.text.isalpha()
        and first.text.islower()
        and second.text.islower()
        and first.text not in NOT_JOINING_S
    )


def spelling_notes(found, checker, word_list):
    """Notes for the words (Word, in text order) the checker does not know, and for two
    words that Swedish writes as one where the checker can tell: "arbets plats" (no word of
    its own) and "lednings grupp" (ledning + joining s + grupp)."""
    spelled = [i for i, word in enumerate(found) if spellable(word.text)]
    pairs = {
        i: found[i].text + found[i + 1].text
        for i in range(len(found) - 1)
        if joinable(found[i], found[i + 1])
    }
    stems = [found[i].text[:-1] for i in pairs if found[i].text.endswith("s")]
    dotted = [found[i].text + "." for i in spelled if is_abbreviation(found[i].text)]
    unknown = checker.unknown([found[i].text for i in spelled] + [*pairs.values(), *stems, *dotted])
    split = {}
    for i, joined in pairs.items():
        first = found[i].text
        genitive = i > 0 and found[i].spaced and found[i - 1].text.lower() in DETERMINERS
        joining_s = (
            first.endswith("s") and len(first) > 3 and first[:-1] not in unknown and not genitive
        )
        if joined not in unknown and (first in unknown or joining_s):
            split[i] = joined
    misspelled = [i for i in spelled if found[i].text in unknown and i not in split]
    checker.suggest(found[i].text for i in misspelled if not is_abbreviation(found[i].text))
    notes = []
    for i in misspelled:
        text = found[i].text
        # "t.ex" wants its last dot, which Hunspell's own guess ("tex") drops
        dot = is_abbreviation(text) and text + "." not in unknown
        guess = text + "." if dot else checker.suggestion(text)
        advice = "" if dot else f"Stämmer det? Lägg då till ordet i {word_list}"
        said = f'stavning? "{text}" — ' + (f'menade du "{guess}"? ' if guess else "") + advice
        notes.append(note(found[i], "Stavning", said.rstrip()))
    for i, joined in split.items():
        both = f"{found[i].text} {found[i + 1].text}"
        notes.append(note(found[i], "Särskrivning", f'särskrivning? "{both}" — skriv "{joined}"'))
    return notes


def is_abbreviation(word):
    return not word.endswith(".") and ABBREVIATION.fullmatch(word)


def note(word, title, message):
    return Note(word.path, word.line, message, title)


def readability(path, found, flagged):
    longest = sorted(found, key=lambda sentence: (-sentence.words, sentence.line))
    return Page(path, sum(s.words for s in found), lix(found), longest[:LONGEST_SHOWN], flagged)


def hard_text_note(page):
    """At the longest sentence of a hard page: its LIX, and the longest sentences by their
    opening words (a paragraph is often one long line)."""
    if page.lix is None or page.lix < HARD or page.words < MIN_WORDS:
        return None
    first, *others = page.longest
    named = [f'"{first.opening} …" ({first.words} ord)']
    named += [f'rad {s.line} "{s.opening} …" ({s.words} ord)' for s in others]
    return Note(
        page.path,
        first.line,
        f"läsbarhet: LIX {page.lix} ({page.band}) — dela de längsta meningarna: "
        + ", ".join(named),
        "Läsbarhet",
    )
