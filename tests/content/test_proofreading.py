"""Spelling and readability notes (site_model/proofreading): every slip pointed at on its
line, in the terminal and as GitHub warnings, and never a failed build."""

import os
import re
import shutil

import pytest
from pelican.settings import read_settings

from conftest import PRODUCTION_ENV, ROOT, require
from forked_python import run_python
from site_copy import write_site
from site_model.proofreading import _speller, proofread
from site_model.proofreading.readability import band, lix, sentences
from site_model.proofreading.report import summary_table
from site_model.proofreading.spelling import PROGRAM, Speller

require(PROGRAM, shutil.which(PROGRAM), "apt-get install hunspell")

# 20 ordinary Swedish words misspelt, each on its own line of SLIPS below (line, as written,
# and what a reader expects): typos, wrong double consonants, missing å/ä/ö, split compounds.
SEEDED = {
    2: ("möjlihet", "möjlighet"),
    5: ("utvekling", "utveckling"),
    9: ("medarbetre", "medarbetare"),
    11: ("ochså", "också"),
    12: ("sjalvkansla", "självkänsla"),
    14: ("forandring", "förändring"),
    16: ("manniskor", "människor"),
    17: ("malsattning", "målsättning"),
    19: ("aterkoppling", "återkoppling"),
    20: ("tillsamans", "tillsammans"),
    22: ("komunikation", "kommunikation"),
    24: ("sammarbete", "samarbete"),
    27: ("alldrig", "aldrig"),
    28: ("lednig", "ledning"),
    30: ("beslutt", "beslut"),
    31: ("verksamhetn", "verksamheten"),
    33: ("intresant", "intressant"),
    35: ("arbets plats", "arbetsplats"),
    36: ("lednings grupp", "ledningsgrupp"),
    38: ("förändrings arbete", "förändringsarbete"),
}
SLIPS = """---
title: Om möjlihet och mod
date: 2026-11-20
author: Therése M. Sandberg
summary: Om utvekling i vardagen.
services: [teamcoaching]
---

## Varje medarbetre räknas

Det här är ochså en text om
sjalvkansla, skriven med `kod som inte kontrolleras` och https://www.epm.se/ordlista/.

- Om forandring
  - om relationer mellan
    manniskor och
  - om malsattning

Vi ger aterkoppling.\\
Vi arbetar tillsamans.

| Ämne | Form av komunikation |
| --- | --- |
| sammarbete | i grupp |

Skriv till info@epm.se eller läs [en artikel](https://exempel.se/stavfel-fint).
Vi ger alldrig upp.
En god lednig lyssnar.

> Varje beslutt räknas.
> Hela verksamhetn vinner.

![En intresant bild]({static}../images/samtal.png)

En trygg arbets plats.
En ny lednings grupp.

Allt förändrings arbete tar tid, tills vidare.

```
feltstavat i kodblock
```
"""


def settings_for(content):
    return read_settings(str(ROOT / "pelican.conf.py"), override={"PATH": str(content)})


@pytest.fixture(scope="module")
def slips(tmp_path_factory):
    root = tmp_path_factory.mktemp("slips")
    content = write_site(root, {"slarv.md": SLIPS})
    return root, content, proofread(settings_for(content))


def spelling_notes(result, name=None):
    return [
        note
        for note in result.notes
        if note.title != "Läsbarhet" and (name is None or note.path.endswith(name))
    ]


def test_at_least_18_of_20_seeded_slips_are_flagged_on_their_lines(slips):
    notes = spelling_notes(slips[2], "articles/slarv.md")
    flagged = {(note.line, re.search(r'"([^"]+)"', note.message)[1]) for note in notes}
    found = {line for line, (word, _) in SEEDED.items() if (line, word) in flagged}
    assert len(found) >= 18, sorted(set(SEEDED) - found)
    assert flagged <= {(line, word) for line, (word, _) in SEEDED.items()}  # nothing else


def test_each_note_says_what_to_write_instead(slips):
    messages = {note.line: note.message for note in spelling_notes(slips[2], "slarv.md")}
    word_list = slips[1] / "ordlista.txt"
    assert messages[2] == (
        'stavning? "möjlihet" — menade du "möjlighet"? '
        f"Stämmer det? Lägg då till ordet i {word_list}"
    )
    guessed = 0
    for line, (word, right) in SEEDED.items():
        if " " in word:  # a split compound is named as one
            assert messages[line] == f'särskrivning? "{word}" — skriv "{right}"'
        else:
            guessed += f'menade du "{right}"?' in messages.get(line, "")
    assert guessed >= 15  # also for missing å, ä and ö: "forandring" → "förändring"


def test_correct_swedish_in_the_fixture_site_gets_no_spelling_note(slips):
    assert spelling_notes(slips[2]) == spelling_notes(slips[2], "articles/slarv.md")


def test_a_word_in_the_word_list_is_accepted_inflected_and_in_compounds(tmp_path):
    text = SLIPS.replace("Vi ger alldrig upp.", "Onboardingen och onboardingsamtal tar tid.")
    content = write_site(tmp_path, {"slarv.md": text})
    word = re.compile(r'"(onboarding\w*)"', re.IGNORECASE)
    notes = spelling_notes(proofread(settings_for(content)), "slarv.md")
    flagged = {word.search(n.message)[1] for n in notes if word.search(n.message)}
    assert flagged == {"Onboardingen", "onboardingsamtal"}
    (content / "ordlista.txt").write_text("coaching/coach\nonboarding/coach  # som coach\n")
    notes = spelling_notes(proofread(settings_for(content)), "slarv.md")
    assert not [n for n in notes if "onboarding" in n.message.lower()]


def test_lix_equals_a_hand_count():
    # 16 words in 3 sentences; 8 have more than six letters (Coachen, lyssnar, Klienten,
    # berättar, utmaningar, arbetet, Tillsammans, planerar): 16 / 3 + 100 * 8 / 16 = 55.3
    from site_model.proofreading.prose import Piece

    paragraph = [
        Piece(3, "Coachen lyssnar. Klienten berättar om sina mål och"),
        Piece(4, "utmaningar i arbetet. Tillsammans planerar de nästa steg."),
    ]
    found = sentences([paragraph])
    assert [(s.line, s.words, s.long_words) for s in found] == [(3, 2, 2), (3, 9, 4), (4, 5, 2)]
    assert lix(found) == 55
    assert band(55) == "svår"
    assert [band(n) for n in (29, 30, 40, 50, 60, 61)] == [
        "mycket lätt",
        "lätt",
        "medelsvår",
        "svår",
        "mycket svår",
        "mycket svår",
    ]


def test_hard_text_is_pointed_at_its_longest_sentence(tmp_path):
    long = "Organisationens ledningsgrupp utvecklar kontinuerligt medarbetarnas kompetenser"
    body = f"{long} och samarbetsförmåga genom strukturerade utvecklingssamtal.\n\nKort.\n"
    head = SLIPS.split("## Varje")[0].replace("möjlihet", "mod").replace("utvekling", "vardag")
    text = head + body * 5
    content = write_site(tmp_path, {"svar.md": text})
    result = proofread(settings_for(content))
    [note] = [n for n in result.notes if n.title == "Läsbarhet"]
    assert note.path.endswith("articles/svar.md") and note.line == 9
    assert note.message.startswith("läsbarhet: LIX ")
    opening = '"Organisationens ledningsgrupp utvecklar kontinuerligt …" (11 ord)'
    assert note.message.endswith(
        f"(mycket svår) — dela de längsta meningarna: {opening}, rad 12 {opening}, rad 15 {opening}"
    )
    table = summary_table(result)
    assert "| Sida | Ord | LIX | Nivå | Stavning? | Längsta meningen |" in table
    page = next(p for p in result.pages if p.path.endswith("svar.md"))
    assert f"| `{page.path}` | 60 | {page.lix} | mycket svår | 0 | rad 9, 11 ord |" in table


ARGUMENTS = ["-s", str(ROOT / "pelican.conf.py"), "-o", "output", "--fatal", "warnings", "content"]


def test_the_build_stays_green_and_shows_each_slip_on_its_line(slips):
    root = slips[0]
    result = run_python(
        ["-m", "pelican", *ARGUMENTS],
        cwd=root,
        env={**os.environ, "PYTHONUTF8": "1", "GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 0, result.stderr
    assert (
        'content/articles/slarv.md:11: stavning? "ochså" — menade du "också"? '
        "Stämmer det? Lägg då till ordet i content/ordlista.txt"
    ) in result.stderr.splitlines()
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning ")]
    assert (
        "::warning file=content/articles/slarv.md,line=11,title=Stavning::"
        'stavning? "ochså" — menade du "också"? '
        "Stämmer det? Lägg då till ordet i content/ordlista.txt"
    ) in warnings
    assert len(spelling_notes(slips[2])) == 20
    assert len(warnings) == 10  # as many as GitHub shows per step; the rest in the log:
    assert (
        "::notice title=Språkgranskning::Ytterligare 10 varningar står i stegets logg "
        "(GitHub visar 10 per steg)"
    ) in result.stdout.splitlines()
    assert "språkgranskning: " in result.stderr
    assert (root / "output" / "artiklar" / "slarv" / "index.html").exists()


def test_check_content_shows_the_notes_and_passes(slips):
    result = run_python(
        ["-m", "invoke", "-r", str(ROOT), "check-content", "--content", "content"],
        cwd=slips[0],
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert result.returncode == 0, result.stderr
    assert 'content/articles/slarv.md:35: särskrivning? "arbets plats"' in result.stderr
    assert "::warning" not in result.stdout


def test_without_hunspell_the_build_says_so_and_goes_on(slips, monkeypatch):
    monkeypatch.setattr("site_model.proofreading.spelling.shutil.which", lambda name: None)
    _speller.cache_clear()
    result = proofread(settings_for(slips[1]))
    _speller.cache_clear()
    assert spelling_notes(result) == []
    assert result.unavailable.startswith("hunspell saknas — installera hunspell (Debian: apt")
    assert result.pages  # LIX still


def test_live_reload_asks_hunspell_only_about_the_new_words_of_a_saved_file(tmp_path, monkeypatch):
    from site_model.proofreading import stored

    monkeypatch.setattr(stored, "FOLDER", tmp_path / "cache")  # nothing kept from a run before
    monkeypatch.setattr(stored, "_MEMORY", {})
    content = write_site(tmp_path, {"slarv.md": SLIPS})
    first = proofread(settings_for(content))
    asked, ask = [], Speller._run

    def spy(self, mode, lines):
        asked.append((mode, list(lines)))
        return ask(self, mode, lines)

    monkeypatch.setattr(Speller, "_run", spy)
    assert proofread(settings_for(content)).notes == first.notes
    assert asked == []  # nothing saved: no file read again, no word asked again
    saved = SLIPS.replace("Vi ger alldrig upp.", "Vi ger frobnicera plats.")
    (content / "articles" / "slarv.md").write_text(saved, "utf-8")
    result = proofread(settings_for(content))
    [(mode, words), suggestions] = asked
    assert mode == "-l" and "frobnicera" in words and len(words) < 10
    assert suggestions == ("-a", ["^frobnicera"])
    assert [n.line for n in spelling_notes(result) if "frobnicera" in n.message] == [27]


def test_an_abbreviation_is_checked_with_its_dots_and_a_domain_name_is_not_a_word():
    from site_model.proofreading.words import spellable, words

    found = [word for _, word in words("som t.ex Executive, bl.a. här och på epm.se.")]
    assert found == ["som", "t.ex", "Executive", "bl.a.", "här", "och", "på", "epm.se"]
    assert [word for word in found if not spellable(word)] == ["epm.se"]
    assert Speller().unknown(["t.ex", "t.ex.", "bl.a."]) == {"t.ex"}


def test_an_abbreviation_without_its_last_dot_is_told_to_take_it(tmp_path):
    head = SLIPS.split("## Varje")[0].replace("möjlihet", "mod").replace("utvekling", "vardag")
    content = write_site(tmp_path, {"kort.md": head + "Vi coachar t.ex ledare, bl.a. nya.\n"})
    [note] = spelling_notes(proofread(settings_for(content)), "kort.md")
    assert note.line == 9 and note.message.startswith('stavning? "t.ex" — menade du "t.ex."?')


def test_the_production_build_puts_each_pages_lix_in_the_run_summary(tmp_path, monkeypatch):
    import functools

    from invoke import Context

    import tasks

    output = tmp_path / "output"
    monkeypatch.setattr(tasks, "build_site", functools.partial(tasks.build_site, output=output))
    monkeypatch.setitem(tasks.CONFIG, "output", output)
    for name, value in {**PRODUCTION_ENV, "GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")}.items():
        monkeypatch.setenv(name, value)
    tasks.publish(Context())
    summary = (tmp_path / "s.md").read_text("utf-8")
    table = summary[summary.index("### Språkgranskning") :].splitlines()
    rows = [row for row in table if row.startswith("| `content/")]
    assert len(rows) == len(list((ROOT / "content").rglob("*.md")))
    # Any page will do (the editors' files come and go): the one with the most words.
    page = max(proofread(settings_for(ROOT / "content")).pages, key=lambda p: p.words)
    assert f"| `{page.path}` | {page.words} | {page.lix} | {page.band} |" in "\n".join(rows)


def test_what_is_right_swedish_or_not_prose_gets_no_note(tmp_path):
    head = SLIPS.split("## Varje")[0].replace("möjlihet", "mod").replace("utvekling", "vardag")
    body = (
        "En organisations kultur och varje företags mål.\n\n"  # genitives after a determiner
        "| Kolumn |\n| --- |\n| en<br>radbrytning |\n\n"  # <br> parts two words
        "Chefer/medarbetare i Stockholm–Göteborg, se ki.se.\n"
    )
    content = write_site(tmp_path, {"ratt.md": head + body})
    assert spelling_notes(proofread(settings_for(content)), "ratt.md") == []


def test_a_cases_story_is_checked_on_its_line_and_a_yaml_comment_is_not(tmp_path):
    content = write_site(tmp_path, {})
    case = content / "cases" / "ny-vd.md"
    text = case.read_text("utf-8").replace(
        "\nresult: ", "\n# en felstavnig\nresult: Ett resulltat. "
    )
    case.write_text(text, "utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "resulltat" in t)
    notes = spelling_notes(proofread(settings_for(content)), "ny-vd.md")
    assert [(n.line, n.message.split(" — ")[0]) for n in notes] == [(line, 'stavning? "resulltat"')]


def test_lix_does_not_end_a_sentence_at_an_abbreviation_or_an_initial():
    from site_model.proofreading.prose import Piece

    text = "Vi ses kl. 10 med Anna M. Berg, t.ex. Stockholm. Sedan går vi."
    assert [s.words for s in sentences([[Piece(1, text)]])] == [10, 3]


def test_a_hunspell_that_fails_stops_nothing(slips, monkeypatch, tmp_path):
    fake = tmp_path / "hunspell"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    _speller.cache_clear()
    result = proofread(settings_for(slips[1]))
    _speller.cache_clear()
    assert spelling_notes(result) == [] and result.unavailable.startswith("hunspell svarade inte")


def test_a_file_proofread_before_is_read_again_only_when_it_or_the_word_list_changes(
    tmp_path, monkeypatch
):
    """Results are kept by content (site_model/proofreading/stored.py), on disk between
    builds: each step below is a new build's process (nothing in memory)."""
    import site_model.proofreading as proofreading
    from site_model.proofreading import stored

    monkeypatch.setattr(stored, "FOLDER", tmp_path / "cache")
    original, read = proofreading.read, []

    def counting(path, kind, raw):
        read.append(path.name)
        return original(path, kind, raw)

    monkeypatch.setattr(proofreading, "read", counting)
    content = write_site(tmp_path / "site", {"slarv.md": SLIPS})
    files = len(list(content.rglob("*.md")))

    def build():
        monkeypatch.setattr(stored, "_MEMORY", {})
        read.clear()
        return proofread(settings_for(content))

    first = build()
    assert len(read) == files and spelling_notes(first, "slarv.md")
    again = build()
    assert read == [] and again == first
    elsewhere = tmp_path / "copy" / "content"  # the same files under other paths
    shutil.copytree(content, elsewhere)
    moved = proofread(settings_for(elsewhere))
    assert read == [] and len(moved.notes) == len(first.notes)
    assert all(note.path.startswith(str(elsewhere)) for note in moved.notes)
    assert str(content) not in "".join(note.message for note in moved.notes)
    (slarv,) = content.rglob("slarv.md")
    slarv.write_text(slarv.read_text("utf-8").replace("möjlihet", "möjlighet"), "utf-8")
    edited = build()
    assert read == ["slarv.md"]
    assert len(spelling_notes(edited, "slarv.md")) == len(spelling_notes(first, "slarv.md")) - 1
    (content / "ordlista.txt").write_text("utvekling\n", "utf-8")
    listed = build()
    assert len(read) == files
    assert len(spelling_notes(listed, "slarv.md")) == len(spelling_notes(edited, "slarv.md")) - 1
