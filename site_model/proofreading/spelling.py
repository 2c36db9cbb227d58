"""Swedish spelling by Hunspell, with the site's word list.

The dictionary is PyPI's `hunspell-sv` (installed with the project, so every machine
checks against the same version); the checker is the `hunspell` program (Debian's and
Homebrew's `hunspell`), the reference implementation of the .aff compound rules Swedish
needs. We call the program ourselves, all words in one call, because that is what makes it
fast: 0.21 s for every word of today's site, where spylls (pure Python) took 4.6 s only to
load the dictionary and hunspell2 asks the same program one word at a time.
"""

import re
import shutil
import subprocess
import sysconfig
import tempfile
import weakref
from pathlib import Path

DICTIONARY = Path(sysconfig.get_path("data")) / "share" / "hunspell" / "sv_SE"
PROGRAM = "hunspell"
WORD_LIST = "ordlista.txt"  # in the content folder: one word a line, # starts a comment
# Hunspell's MAP: letters typed for one another. Without a Swedish keyboard the rings and
# dots go (forandring); the suggestions missed "förändring" and took three times as long
# until these joined the dictionary's own MAP lines.
SWEDISH_MAP = ["aåä", "oö", "eé"]
PARTS = re.compile(r"[-'’]")  # where hunspell breaks a word and judges each part
INSTALL = "installera hunspell (Debian: apt install hunspell, macOS: brew install hunspell)"


class SpellingUnavailable(Exception):
    """The hunspell program or the dictionary is missing; the message says how to fix it."""


def word_list_entries(path):
    """The word list's words: `ord` or `ord/mönsterord` (inflected and compounded like the
    model word, Hunspell's personal dictionary format), without comments and blank lines."""
    if not Path(path).is_file():
        return []
    entries = []
    for line in Path(path).read_text("utf-8-sig").splitlines():
        entries += line.split("#", 1)[0].split()
    return entries


def with_swedish_map(affixes):
    """The .aff text with SWEDISH_MAP added to its MAP table (hunspell(5), "MAP")."""
    count = re.search(r"^MAP (\d+)$", affixes, re.MULTILINE)
    table = "".join(f"MAP {letters}\n" for letters in SWEDISH_MAP)
    if not count:
        return f"{affixes.rstrip()}\nMAP {len(SWEDISH_MAP)}\n{table}"
    total = int(count[1]) + len(SWEDISH_MAP)
    return f"{affixes[: count.start()]}MAP {total}\n{table}{affixes[count.end() + 1 :]}"


class Speller:
    """`unknown(words)` → the words Hunspell does not know; `suggestion(word)` → its best
    guess or None. Raises SpellingUnavailable when hunspell or the dictionary is missing."""

    def __init__(self, entries=()):
        if not shutil.which(PROGRAM):
            raise SpellingUnavailable(f"hunspell saknas — {INSTALL}")
        if not DICTIONARY.with_suffix(".dic").is_file():
            raise SpellingUnavailable("den svenska ordlistan saknas — kör `uv sync`")
        self._known = {}  # word → bool: live reload asks hunspell only about new words
        self._suggestions = {}
        folder = Path(tempfile.mkdtemp(prefix="hunspell-"))
        weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)  # goes with self
        self.personal = folder / "ordlista.dic"  # word_list_entries()
        self.personal.write_text("".join(f"{entry}\n" for entry in entries), "utf-8")
        self.dictionary = folder / DICTIONARY.name  # the .aff with SWEDISH_MAP
        self.dictionary.with_suffix(".aff").write_text(
            with_swedish_map(DICTIONARY.with_suffix(".aff").read_text("utf-8")), "utf-8"
        )
        self.dictionary.with_suffix(".dic").symlink_to(DICTIONARY.with_suffix(".dic"))

    def _run(self, mode, lines):
        command = [PROGRAM, "-d", str(self.dictionary), "-p", str(self.personal), "-i", "utf-8"]
        try:
            result = subprocess.run(
                [*command, mode],
                input="\n".join(lines) + "\n",
                capture_output=True,
                text=True,
                encoding="utf-8",
                check=True,
            )
        except (OSError, subprocess.SubprocessError, UnicodeError) as error:
            raise SpellingUnavailable(f"hunspell svarade inte ({error})") from error
        return result.stdout.splitlines()

    def unknown(self, words):
        """The words (of an iterable of single words) that are not Swedish as far as the
        dictionary, its compound rules and the word list know."""
        words = set(words)
        if new := sorted(words - self._known.keys()):
            flagged = set(self._run("-l", new))
            for word in new:  # hunspell breaks e-post at "-" and names the part it doubts
                self._known[word] = not (word in flagged or flagged & set(PARTS.split(word)))
        return {word for word in words if not self._known[word]}

    def suggestion(self, word):
        if word not in self._suggestions:
            self.suggest([word])
        return self._suggestions[word]

    def suggest(self, words):
        """Look up Hunspell's first suggestion for each word (about 0.15 s a word)."""
        words = sorted(set(words) - set(self._suggestions))
        if not words:
            return
        # Pipe mode (-a): "^" makes each line plain text. Each line answers with a line per
        # word hunspell saw in it, then a blank line: "& word n offset: first, second, …",
        # "# word offset" (no guess), or "*", "+ root", "-" (known).
        answers = "\n".join(self._run("-a", [f"^{w}" for w in words])[1:]).split("\n\n")
        for word, answer in zip(words, answers, strict=False):
            guesses = [  # only a guess for the whole word, not for a part of O’Neills
                guess
                for line in answer.splitlines()
                if line.startswith(f"& {word} ")
                for guess in line.split(": ", 1)[1].split(", ")
            ]
            self._suggestions[word] = next((g for g in guesses if " " not in g), None)
