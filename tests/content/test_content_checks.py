"""Editors' mistakes stop the build with file:line and a fix, and leave output/ untouched.

Each mistake is made in a copy of the fixture site's content, whose lines the test knows.
The table of mistakes runs the checks in-process (the build runs the same function before
Pelican reads anything, 50 ms instead of a 2 s build each); whole builds show that they
stop the build, report together, leave output/ as it was and leave nothing behind.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import xml.etree.ElementTree as ET
from contextlib import chdir

import pytest
import yaml
from pelican.settings import read_settings
from PIL import Image

from conftest import FIXTURE_CONTENT, PRODUCTION_ENV, ROOT, build, parse
from forked_python import run_python
from site_model.checks import check_content
from site_model.checks.markup import PLUS_LIST

ARTICLE = "content/articles/ledarskap-i-forandring.md"
SERVICE = "content/services/teamcoaching.md"
GOOD_ARTICLE = """---
title: Ny artikel
date: 2026-11-20
author: Therése M. Sandberg
summary: En kort sammanfattning.
---

Första stycket.

## Första avsnittet

Text.
"""


def article(front="", body=""):
    return GOOD_ARTICLE.replace("---\n\n", f"{front}---\n\n", 1) + body


def replace_in(path, old, new):
    def change(root):
        file = root / path
        text = file.read_text("utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), "utf-8")

    return change


def write(path, text):
    def change(root):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            (root / path).write_bytes(text)
        else:
            (root / path).write_text(text, "utf-8")

    return change


def together(*changes):
    def change(root):
        for each in changes:
            each(root)

    return change


NEW = "content/articles/ny-artikel.md"
COACH = "content/coaches/anna-berg.md"
CASE = "content/cases/ny-vd.md"
NEXT_YEAR = datetime.date.today().year + 1


def png(width, height):
    image = io.BytesIO()
    Image.new("RGB", (width, height), "#d6e2de").save(image, "PNG")
    return image.getvalue()


SMALL_PORTRAIT = png(320, 400)
PHOTO = (FIXTURE_CONTENT / "images" / "samtal.png").read_bytes()
# (what the editor did, the expected start of the error line)
MISTAKES = {
    "missing title": (
        replace_in(ARTICLE, "title: Ledarskap i förändring\n", ""),
        f"{ARTICLE}:1: 'title' saknas",
    ),
    "invalid date": (replace_in(ARTICLE, "2026-10-01", "2026-13-01"), f"{ARTICLE}:3: 'date'"),
    "date as words": (
        replace_in(ARTICLE, "2026-10-01", "1 oktober"),
        f"{ARTICLE}:3: 'date' är inget datum",
    ),
    "misspelt field": (replace_in(ARTICLE, "author:", "autor:"), f"{ARTICLE}:4: okänt fält"),
    "order not a number": (replace_in(SERVICE, "order: 2", "order: två"), f"{SERVICE}:3: 'order'"),
    "unknown template": (
        replace_in("content/pages/kontakt.md", "template: contact", "template: kontact"),
        "content/pages/kontakt.md:3: mallen 'kontact' finns inte",
    ),
    "unknown service": (
        replace_in(ARTICLE, "  - styrelsecoaching", "  - ledarskapscoaching"),
        f"{ARTICLE}:8: 'ledarskapscoaching' finns inte under Tjänster",
    ),
    "misspelt service": (
        replace_in(ARTICLE, "  - styrelsecoaching", "  - styrelsecoachning"),
        f"{ARTICLE}:8: 'styrelsecoachning' finns inte under Tjänster — "
        "menade du 'styrelsecoaching'?",
    ),
    "address used twice": (
        write(
            "content/pages/kontakt-2.md", "---\ntitle: K\nsummary: S\nurl: kontakt/\n---\nText\n"
        ),
        "content/pages/kontakt.md:1: adressen /kontakt/ används också av",
    ),
    "url without save_as": (
        replace_in(
            "content/pages/kontakt.md", "template: contact", "template: contact\nurl: om-oss/"
        ),
        "content/pages/kontakt.md:4: 'url: om-oss/' behöver 'save_as: om-oss/index.html' "
        "bredvid sig",
    ),
    "same slug as a generated list": (
        write("content/pages/tjanster.md", "---\ntitle: T\nsummary: S\n---\nText\n"),
        "content/pages/tjanster.md:1: adressen /tjanster/ används också av en listsida",
    ),
    "broken filename link": (
        write(NEW, article(body="\n[Läs]({filename}finns-inte.md)\n")),
        f"{NEW}:14: {{filename}}finns-inte.md finns inte",
    ),
    "broken anchor in another file": (
        write(NEW, article(body="\n[Läs]({filename}../services/teamcoaching.md#nej)\n")),
        f"{NEW}:14: {{filename}}../services/teamcoaching.md har ingen rubrik med id:t '#nej'",
    ),
    "broken anchor on the page": (
        write(NEW, article(body="\nSe [nedan](#andra-avsnittet).\n")),
        f"{NEW}:14: ingen rubrik på sidan har id:t '#andra-avsnittet'",
    ),
    "missing image": (
        write(NEW, article(body="\n![Porträtt]({static}../images/portratt.jpg)\n")),
        f"{NEW}:14: {{static}}../images/portratt.jpg finns inte",
    ),
    "photo whose file name has spaces": (
        together(
            write("content/images/Foto från mobilen.png", PHOTO),
            write(NEW, article(body="\n![Samtal]({static}../images/Foto från mobilen.png)\n")),
        ),
        f"{NEW}:14: {{static}}../images/Foto finns inte — filen 'Foto från mobilen.png' "
        "har mellanslag i namnet, och ett mellanslag avslutar en länk: "
        "byt namn på filen till foto-fran-mobilen.png",
    ),
    # The editor's Mac finds samtal.png for this; the web server does not.
    "image name in other capital letters": (
        write(NEW, article(body="\n![Samtal]({static}../images/Samtal.PNG)\n")),
        f"{NEW}:14: {{static}}../images/Samtal.PNG finns inte — filen heter 'samtal.png'",
    ),
    "image name misspelt": (
        write(NEW, article(body="\n![Samtal]({static}../images/samtl.png)\n")),
        f"{NEW}:14: {{static}}../images/samtl.png finns inte — menade du 'samtal.png'?",
    ),
    # What editors paste or write that Markdown would not show as they see it (issue 19).
    "bullets pasted from Word": (
        write(NEW, article(body="\n•\tSamtal varannan vecka\n•\tEn plan\n")),
        f"{NEW}:14: raden börjar med '•', som visas som text och inte som en lista — "
        "börja varje punkt i listan med '- ' i stället",
    ),
    # What the CMS's rich-text editor writes (decap-cms #558, #572, #6707): Shift+Enter as
    # "\" at the line's end, and "\" before "_" in a pasted address.
    "a Shift+Enter line break before a list": (
        write(NEW, article(body="\nVi har tre mål:\\\n- färre resor\n")),
        f"{NEW}:14: ett '\\' syns på sidan här — ta bort det",
    ),
    "a pasted address the CMS escaped": (
        write(NEW, article(body="\nSe https://sv.wikipedia.org/wiki/Sveriges\\_riksdag.\n")),
        f"{NEW}:14: ett '\\' syns på sidan här — ta bort det",
    ),
    "a line of --- right under text": (
        write(NEW, article(body="\nSå gick det till.\n---\n")),
        f"{NEW}:15: raden '---' direkt under texten gör texten ovanför till en rubrik",
    ),
    "paragraphs numbered by hand": (
        write(NEW, article(body="\n3. Sedan kom vi fram.\n\n2024. Ett bra år.\n")),
        f"{NEW}:16: listan numreras om på sidan: '2024.' visas som '4.'",
    ),
    # Typed in the CMS's rich-text editor and saved unescaped, as Decap 3.16.3 saved them
    # (a helper's hunt): the editor showed text, Markdown makes markup of it.
    "a paragraph that starts with a year": (
        write(NEW, article(body="\n2024. Ett år med nya kunder.\n")),
        f"{NEW}:14: '2024.' först på raden gör raden till en numrerad lista som börjar på 2024"
        " — skriv '2024\\.' om det är text",
    ),
    "a list item that starts with a year": (
        write(NEW, article(body="\n* Kort om oss\n* 2024. Ett år med nya kunder\n")),
        f"{NEW}:15: '2024.' först på raden gör raden till en numrerad lista",
    ),
    "a paragraph that starts with a plus": (
        write(NEW, article(body="\n+ plus att vi ses oftare.\n")),
        f"{NEW}:14: '+' först på raden gör raden till en punktlista — skriv '\\+'",
    ),
    # A table typed into the rich-text editor, as Decap 3.16.3 saved it (an editor's walk):
    # each row its own paragraph, its first "|" escaped. One problem a table.
    "a table typed in the rich-text editor": (
        write(NEW, article(body="\n\\| Tjänst | Pris |\n\n\\|---|--:|\n\n\\| Samtal | 1 kr |\n")),
        f"{NEW}:14: raden visas som text med sina '|', inte som en tabell — skriv tabellen i "
        "CMS:ets Markdown-läge",
    ),
    "table rows without the line under the first": (
        write(NEW, article(body="\nPriser:\n\n| Tjänst | Pris |\n| Samtal | 1 200 kr |\n")),
        f"{NEW}:16: raden visas som text med sina '|', inte som en tabell",
    ),
    "a line pasted with a tab first": (
        write(NEW, article(body="\n\tIndragen rad från Word.\n")),
        f"{NEW}:14: raden börjar med Tab eller fyra mellanslag och visas som kod",
    ),
    "bullets pasted from Word with no-break spaces": (
        write(NEW, article(body="\n·\u00a0\u00a0\u00a0\u00a0\u00a0 Punkt ett\n")),
        f"{NEW}:14: raden börjar med '·', som visas som text och inte som en lista",
    ),
    "bold ending at a dash in a word": (
        write(NEW, article(body="\nUnder 1900**\\-talet** växte företaget.\n")),
        f"{NEW}:14: '**' syns på sidan här",
    ),
    "bold ending at punctuation before a letter": (
        write(NEW, article(body="\nText.\n**Obs!**Läs först.\n")),
        f"{NEW}:15: '**' syns på sidan här",
    ),
    "italics ending at a dash in a word": (
        write(NEW, article(body="\nUnder 1900*\\-talet* växte företaget.\n")),
        f"{NEW}:14: '*' syns på sidan här",
    ),
    "a space in a link's address": (
        write(NEW, article(body="\n[Boka](https://epm.se/boka tid) här.\n")),
        f"{NEW}:14: länken visas som text, med hakparenteser och adress",
    ),
    "Word's manual line break pasted": (
        write(NEW, article(body="\nRad ett\x0brad två.\n")),
        f"{NEW}:14: ett osynligt radbrytningstecken (U+000B, ofta inklistrat från Word)",
    ),
    "a link over text with brackets": (
        write(NEW, article(body="\n[Årsrapport \\[PDF]](https://epm.se/rapport.pdf) finns här.\n")),
        f"{NEW}:14: länken visas som text, med hakparenteser och adress",
    ),
    # mdit-py-plugins takes "[x]" and a tab for a task but draws no box (a reviewer's find).
    "a task list box without its space": (
        write(NEW, article(body="\n- [x]\tBoka en tid\n- [ ] Skriv två mål\n")),
        f"{NEW}:14: punkten visas utan sin ruta — skriv ett mellanslag efter [ ] eller [x]: "
        "'- [x] klart'",
    ),
    "a YouTube iframe": (
        write(NEW, article(body='\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n')),
        f"{NEW}:14: '<iframe>' är en inbäddning, som webbplatsens säkerhetsregler blockerar: "
        "läsarna ser en tom ruta — länka till den i stället: [Se filmen](https://…)",
    ),
    "a booking widget's script": (
        write(
            NEW,
            article(
                body='\n<div class="calendly-inline-widget"></div>\n'
                '<script src="https://assets.calendly.com/widget.js"></script>\n'
            ),
        ),
        f"{NEW}:15: '<script>' är en inbäddning",
    ),
    "raw HTML with a style": (
        write(NEW, article(body='\nText i <span style="color:red">rött</span>.\n')),
        f"{NEW}:14: '<span>' är HTML, som webbplatsen inte visar som du ser det — "
        "skriv det i Markdown",
    ),
    "an image without {static}": (
        write(NEW, article(body="\n![Samtal](../images/samtal.png)\n")),
        f"{NEW}:14: bilden '../images/samtal.png' publiceras inte utan {{static}} — "
        "skriv den som ({static}../images/samtal.png)",
    ),
    "an image from another site": (
        write(NEW, article(body="\n![Logga](https://example.com/logga.png)\n")),
        f"{NEW}:14: en bild från en annan webbplats blockeras av webbplatsens säkerhetsregler",
    ),
    "a class in the old form": (
        write(NEW, article(body="\n[Läs mer]({filename}../services/teamcoaching.md)\n{: .x }\n")),
        f"{NEW}:15: '{{: .x }}' är det gamla sättet att ange en klass — "
        "skriv '{.x}' på en egen rad",
    ),
    "a class the theme does not have": (
        write(NEW, article(body="\n{.red}\nText.\n")),
        f"{NEW}:14: '{{.red}}' är ingen klass som temat har — "
        "använd {.section-link}, eller ta bort den",
    ),
    "a footnote without its note": (
        write(NEW, article(body="\nSe noten[^1].\n")),
        f"{NEW}:14: hänvisningen [^1] har ingen fotnot — lägg till en rad "
        "'[^1]: fotnotens text' under texten",
    ),
    "a note nothing refers to": (
        write(NEW, article(body="\n[^1]: En not.\n")),
        f"{NEW}:14: fotnoten [^1] används aldrig i texten — lägg till [^1] där den hör hemma",
    ),
    "a typed <label>": (
        write(NEW, article(body="\nText <label>x</label>.\n")),
        f"{NEW}:14: '<label>' är HTML, som webbplatsen inte visar som du ser det",
    ),
    "a link to a script": (
        write(NEW, article(body="\nKlicka [här](javascript:alert(1)).\n")),
        f"{NEW}:14: en länk till 'javascript:' blir ingen länk utan visas som text — "
        "länka till en sida",
    ),
    "image without alt text": (
        write(NEW, article(body="\n![]({static}../images/portratt.jpg)\n")),
        f"{NEW}:14: en bild saknar alt-text",
    ),
    "placeholder xxx": (
        replace_in(ARTICLE, "Riktningen kommer först.", "Riktningen kommer xxx först."),
        f"{ARTICLE}:18: platshållaren 'xxx'",
    ),
    "TODO": (write(NEW, article(body="\nTODO: skriv klart\n")), f"{NEW}:14: platshållaren 'TODO'"),
    "lorem ipsum": (write(NEW, article(body="\nLorem ipsum dolor.\n")), f"{NEW}:14: platshållaren"),
    "TODO in the summary": (
        write(NEW, article().replace("En kort sammanfattning.", "TODO")),
        f"{NEW}:5: platshållaren 'TODO' står kvar i 'summary'",
    ),
    "link without address": (
        write(NEW, article(body="\nLäs [mer]().\n")),
        f"{NEW}:14: en länk saknar adress",
    ),
    "skipped heading level": (
        write(NEW, article(body="\n#### Detalj\n")),
        f"{NEW}:14: en rubriknivå hoppas över (## till ####)",
    ),
    "second main heading": (write(NEW, article(body="\n# Rubrik\n")), f"{NEW}:14: '# '"),
    "empty file": (write(NEW, ""), f"{NEW}:1: filen är tom"),
    "not UTF-8": (
        write(NEW, article(body="\nTr\xe4d\n").encode("latin-1")),
        f"{NEW}:4: texten är inte giltig UTF-8",  # the é in Therése comes first
    ),
    "no front matter": (write(NEW, "Bara text.\n"), f"{NEW}:1: front matter saknas"),
    "broken YAML": (
        write(NEW, article().replace("title: Ny artikel", 'title: "Ny artikel')),
        f"{NEW}:",
    ),
    "empty text": (write(NEW, GOOD_ARTICLE.split("Första stycket")[0]), f"{NEW}:7: texten är tom"),
    "contact page deleted": (
        lambda root: (root / "content/pages/kontakt.md").unlink(),
        "content/pages/kontakt.md:1: sidan 'contact' saknas",
    ),
    "contact page renamed, menu not": (
        lambda root: (root / "content/pages/kontakt.md").rename(
            root / "content/pages/hor-av-dig.md"
        ),
        "pelican.conf.py:1: MENU_LINKS länkar 'Kontakt' till kontakt/, "
        "men ingen sida har den adressen",
    ),
    "contact page made a draft": (
        replace_in("content/pages/kontakt.md", "summary:", "status: draft\nsummary:"),
        "content/pages/kontakt.md:4: sidan 'contact' länkas från varje sida",
    ),
    # Coaches and cases (content/coaches/, content/cases/)
    "author with no coach page": (
        write(NEW, article().replace("Therése M. Sandberg", "Therese Sandberg")),
        f"{NEW}:4: 'Therese Sandberg' har ingen sida under Coacher (content/coaches/) — "
        "menade du 'Therése M. Sandberg'?",
    ),
    "author's coach page a draft": (
        replace_in(COACH, "order: 1", "order: 1\nstatus: draft"),
        f"{ARTICLE}:4: sidan om Anna Berg ({COACH}) är ett utkast",
    ),
    "credential year in the future": (
        replace_in(COACH, "year: 2019", f"year: {NEXT_YEAR}"),
        f"{COACH}:6: 'credentials' har året {NEXT_YEAR} för ICF PCC, som inte har kommit än",
    ),
    "credential without a name": (
        replace_in(COACH, "  - name: Diplomerad mentor", "  - Diplomerad mentor"),
        f"{COACH}:6: 'credentials' ska vara en lista med 'name:' och 'year:'",
    ),
    "photo not in content": (
        replace_in(COACH, '"{static}/images/anna-berg.jpg"', "images/anna-berg.jpg"),
        f"{COACH}:5: 'photo: images/anna-berg.jpg' pekar inte på en bild i content/",
    ),
    "photo misspelt": (
        replace_in(COACH, "anna-berg.jpg", "anna-berj.jpg"),
        f"{COACH}:5: {{static}}/images/anna-berj.jpg finns inte — menade du 'anna-berg.jpg'?",
    ),
    "photo too small": (
        together(
            write("content/images/liten.png", SMALL_PORTRAIT),
            replace_in(COACH, "anna-berg.jpg", "liten.png"),
        ),
        f"{COACH}:5: {{static}}/images/liten.png är bara 320 px bred; "
        "ett porträtt behöver minst 480 px",
    ),
    "not a LinkedIn address": (
        replace_in(COACH, "https://www.linkedin.com/in/anna-berg-exempel/", "anna-berg"),
        f"{COACH}:13: 'linkedin' är ingen LinkedIn-profil",
    ),
    "case without consent": (
        replace_in(CASE, "consent: 2026-09-15\n", ""),
        f"{CASE}:1: 'consent' saknas (ett kundcase publiceras bara med kundens skriftliga "
        "samtycke)",
    ),
    "consent left empty": (
        replace_in(CASE, "consent: 2026-09-15", "consent: ''"),
        f"{CASE}:11: 'consent' är tomt (ett kundcase publiceras bara med kundens skriftliga "
        "samtycke)",
    ),
    "consent in the future": (
        replace_in(CASE, "consent: 2026-09-15", "consent: 2099-01-01"),
        f"{CASE}:11: 'consent' 2099-01-01 har inte kommit än",
    ),
    "case named like a service": (
        write(
            "content/cases/teamcoaching.md", (FIXTURE_CONTENT / "cases" / "ny-vd.md").read_text()
        ),
        "content/cases/teamcoaching.md:1: filnamnet 'teamcoaching' används också av "
        "content/services/teamcoaching.md",
    ),
}


def tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def workspace(tmp_path):
    """A copy of the fixture site's content, and an output/ from an earlier good build."""
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    (tmp_path / "output" / "artiklar").mkdir(parents=True)
    (tmp_path / "output" / "index.html").write_text("<p>the live site</p>")
    return tmp_path


def build_with_swap(workspace, settings="pelican.conf.py", **env):
    """`invoke build`'s own code, run from the workspace as an editor would."""
    code = (
        "from tasks import build_site; "
        f"build_site({str(ROOT / settings)!r}, output='output', content='content')"
    )
    return run_python(
        ["-c", code],
        cwd=workspace,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1", "COLUMNS": "200", **env},
    )


def problems_in(workspace):
    """What the build's content checks report for the workspace's content, a line each,
    with paths as the editor's terminal there shows them."""
    override = {"PATH": str(workspace / "content")}
    settings = read_settings(str(ROOT / "pelican.conf.py"), override=override)
    with chdir(workspace):
        return [str(problem) for problem in check_content(settings)]


@pytest.mark.parametrize("mistake", MISTAKES)
def test_mistake_is_reported_with_file_line_and_fix(workspace, mistake):
    make_mistake, expected = MISTAKES[mistake]
    make_mistake(workspace)
    lines = problems_in(workspace)
    assert any(line.startswith(expected) for line in lines), lines
    assert all(" — " in line for line in lines), "every problem says how to fix it"


def test_a_table_shown_as_text_is_one_problem_and_a_table_none(workspace):
    MISTAKES["a table typed in the rich-text editor"][0](workspace)
    shown_as_text = [line for line in problems_in(workspace) if "inte som en tabell" in line]
    assert len(shown_as_text) == 1, shown_as_text
    table = "\n| Tjänst | Pris |\n|---|--:|\n| Samtal | 1 kr |\n"
    write(NEW, article(body=table))(workspace)
    assert problems_in(workspace) == []


def test_each_version_of_a_file_is_checked_once_and_its_problems_stay(workspace):
    """The markup check keeps what it found per version of a file (live reload checks only
    the saved file again): an unchanged file's problem is still reported at the next check,
    and a saved one is checked anew."""
    first, second = sorted((workspace / "content" / "articles").glob("*.md"))[:2]
    for file in (first, second):
        file.write_text(file.read_text("utf-8") + "\n+ plus att vi ses oftare.\n", "utf-8")
    plus = PLUS_LIST.split(" — ")[0]

    def reported():
        return sorted(line.split(":")[0] for line in problems_in(workspace) if plus in line)

    assert reported() == sorted(map(shown_from(workspace), (first, second)))
    second.write_text(second.read_text("utf-8").replace("\n+ plus", "\n\\+ plus"), "utf-8")
    assert reported() == [shown_from(workspace)(first)]
    first.write_text(first.read_text("utf-8") + "\nEn mening till.\n", "utf-8")
    assert reported() == [shown_from(workspace)(first)]


def shown_from(workspace):
    return lambda file: str(file.relative_to(workspace))


# What looks like the mistakes above and is right: the checks must let it through.
WRITTEN_RIGHT = {
    "a list, a paragraph, the list going on": "1. Boka\n2. Kom\n\nSedan:\n\n3. Följ upp\n",
    "a year written as text": "2024\\. Ett år med nya kunder.\n",
    "a plus written as text": "\\+ plus att vi ses oftare.\n",
    "bold around whole words, before punctuation": "Under **1900-talet**, och **Obs!** Läs.\n",
    "brackets escaped in a link's text": "[Årsrapport \\[PDF\\]](https://epm.se/rapport.pdf)\n",
    "code between fences": "```\nnpm run build\n```\n",
    "stars on their own": "Det blir 5 ** 2. Pris 500 kr**\n\n** Gäller medlemmar.\n",
    "stars escaped": "\\*\\*inte fet\\*\\*\n",
    "brackets escaped around a link's form": "Skriv \\[text\\](adress) för en länk.\n",
    "brackets in a link's text in pairs": "[Rapport [PDF]](https://epm.se/rapport.pdf)\n",
}


@pytest.mark.parametrize("text", WRITTEN_RIGHT.values(), ids=WRITTEN_RIGHT)
def test_what_is_written_right_is_not_reported(workspace, text):
    write(NEW, article(body="\n" + text))(workspace)
    assert problems_in(workspace) == []


def test_all_problems_are_reported_together_and_nothing_is_built(workspace):
    for mistake in (
        "missing title",
        "contact page made a draft",
        "order not a number",
        "broken filename link",
    ):
        MISTAKES[mistake][0](workspace)
    before = tree_digest(workspace / "output")
    result = build_with_swap(workspace)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    for mistake in (
        "missing title",
        "contact page made a draft",
        "order not a number",
        "broken filename link",
    ):
        assert any(line.startswith(MISTAKES[mistake][1]) for line in lines), result.stderr
    assert lines[-1] == f"content_checks: {len(lines) - 1} fel; inget byggdes."
    assert "Traceback" not in result.stderr + result.stdout
    assert tree_digest(workspace / "output") == before
    assert sorted(p.name for p in workspace.iterdir()) == ["content", "output"]  # no leftovers


def test_pelican_warnings_are_fatal_too(workspace):
    write(NEW, article(body="\n[Se]({okand}sida)\n"))(workspace)
    before = tree_digest(workspace / "output")
    result = build_with_swap(workspace)
    assert result.returncode == 1
    assert tree_digest(workspace / "output") == before


def test_good_build_replaces_output(workspace):
    result = build_with_swap(workspace)
    assert result.returncode == 0, result.stderr
    assert (workspace / "output" / "kontakt" / "index.html").exists()
    assert "the live site" not in (workspace / "output" / "index.html").read_text()
    assert sorted(p.name for p in workspace.iterdir()) == ["content", "output"]


def test_what_the_cms_saves_for_cleared_fields_and_a_utc_date_builds(workspace):
    """A CMS cannot delete a line: a cleared field is "", null or [] and means "not set".
    A date with a time in UTC, as other CMSes write it, is the day in Stockholm."""
    front = 'modified: ""\noriginal_url: ""\nstatus:\nservices: []\n'
    text = article(front=front).replace("2026-11-20", "2026-03-12T23:30:00.000Z")
    write(NEW, text)(workspace)
    result = build_with_swap(workspace)
    assert result.returncode == 0, result.stderr
    page = parse(workspace / "output", "/artiklar/ny-artikel/")
    assert page.select_one(".byline time")["datetime"] == "2026-03-13"
    assert "13 mars 2026" in page.select_one(".byline").get_text()
    assert not page.select("aside .cards a")  # no related services


def test_a_file_saved_on_windows_builds(workspace):
    """A byte order mark and CRLF line ends, as some editors write them, are no mistake."""
    text = "\ufeff" + article(body="\n## Andra avsnittet\n\nMer text.\n").replace("\n", "\r\n")
    (workspace / NEW).write_bytes(text.encode("utf-8"))
    result = build_with_swap(workspace)
    assert result.returncode == 0, result.stderr
    page = parse(workspace / "output", "/artiklar/ny-artikel/")
    assert page.h1.get_text() == "Ny artikel"
    assert [a["href"] for a in page.select(".toc a")] == ["#forsta-avsnittet", "#andra-avsnittet"]


def test_check_content_reports_like_the_build(workspace):
    make_mistake, expected = MISTAKES["TODO"]
    make_mistake(workspace)
    result = run_python(
        ["-m", "invoke", "-r", str(ROOT), "check-content", "--content", "content"],
        cwd=workspace,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(expected)


# Escaping: what an editor types in a title never becomes markup.

TRICKY_TITLE = 'Ledare & <chefer> "i dag" </script><script>alert(1)</script>'


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("tricky")
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    meta = {"title": TRICKY_TITLE, "summary": TRICKY_TITLE}
    text = GOOD_ARTICLE.replace("title: Ny artikel\n", yaml.safe_dump(meta, allow_unicode=True))
    text = text.replace("summary: En kort sammanfattning.\n", "")
    (root / "content/articles/knepig.md").write_text(text, "utf-8")
    result = build("pelican.conf.py", root / "output", content=root / "content")
    assert result.returncode == 0, result.stderr
    return root / "output"


def test_tricky_title_is_text_in_title_and_meta(tricky_site):
    page = parse(tricky_site, "/artiklar/knepig/")
    assert page.title.string == f"{TRICKY_TITLE} | EPM"
    assert page.h1.get_text() == TRICKY_TITLE
    assert page.find("meta", attrs={"name": "description"})["content"] == TRICKY_TITLE
    assert not page.find("script", string="alert(1)")


def test_tricky_title_is_text_in_the_feed(tricky_site):
    titles = [
        t.text
        for t in ET.parse(tricky_site / "artiklar/atom.xml").iter()
        if t.tag.endswith("title")
    ]
    assert TRICKY_TITLE in titles


# invoke new


def run_new(*arguments, content):
    return run_python(["-m", "invoke", "new", *arguments, "--content", str(content)])


def test_new_article_is_a_complete_draft(workspace):
    result = run_new("article", "Titel med åäö", content=workspace / "content")
    assert result.returncode == 0, result.stderr
    path = workspace / "content/articles/titel-med-aao.md"
    meta = yaml.safe_load(path.read_text("utf-8").split("---")[1])
    assert meta == {
        "title": "Titel med åäö",
        "date": datetime.date.today(),
        "author": "Therése M. Sandberg",
        "summary": "",
        "status": "draft",
    }
    assert build_with_swap(workspace).returncode == 0


def test_new_service_comes_last_and_new_refuses_to_overwrite(workspace):
    assert run_new("service", "Mentorskap", content=workspace / "content").returncode == 0
    path = workspace / "content/services/mentorskap.md"
    assert (
        yaml.safe_load(path.read_text("utf-8").split("---")[1])["order"] == 6
    )  # after the 5 of medarbetarsamtal.md
    path.write_text(path.read_text("utf-8") + "Min text.\n", "utf-8")
    again = run_new("service", "Mentorskap", content=workspace / "content")
    assert again.returncode == 1
    assert "finns redan" in again.stderr
    assert path.read_text("utf-8").endswith("Min text.\n")


# Drafts


def test_draft_is_previewed_marked_and_never_published(workspace, tmp_path):
    write(NEW, article(front="status: draft\n"))(workspace)
    assert build_with_swap(workspace).returncode == 0
    draft = parse(workspace / "output", "/utkast/ny-artikel/")
    assert "Utkast" in draft.find(class_="draft-note").get_text()
    production = tmp_path / "production"
    result = build("publishconf.py", production, content=workspace / "content", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    published = [str(p.relative_to(production)) for p in production.rglob("*")]
    assert not [p for p in published if "ny-artikel" in p or "utkast" in p]
    for name in ("sitemap.xml", "artiklar/atom.xml", "artiklar/index.html"):
        assert "ny-artikel" not in (production / name).read_text("utf-8")


def test_tricky_title_is_text_in_json_ld_and_open_graph(tricky_site):
    page = parse(tricky_site, "/artiklar/knepig/")
    [script] = page.find_all("script", type="application/ld+json")
    nodes = {node["@type"]: node for node in json.loads(script.string)["@graph"]}
    assert nodes["Article"]["headline"] == TRICKY_TITLE
    assert nodes["Article"]["description"] == TRICKY_TITLE
    assert page.find("meta", property="og:title")["content"] == f"{TRICKY_TITLE} | EPM"
    # The title's </script> never closes the JSON-LD block early.
    assert "</script><script>alert" not in (tricky_site / "artiklar/knepig/index.html").read_text()


# Links written as an address, as the link button of /admin/ writes them: checked against
# what the build wrote (site_model/checks/written_links.py).
GOOD_ADDRESS_LINKS = [
    "[tjänsten](/tjanster/teamcoaching/)",
    "[från artikeln](../../tjanster/teamcoaching/)",
    "[frågorna](/artiklar/att-valja-coach/#fragor-att-stalla)",
    "[den gamla adressen](/artiklar/valj-coach/)",
    "[den gamla adressens avsnitt](/artiklar/valj-coach/#fragor-att-stalla)",
    "[en sökning](/sok/?q=ledarskap) och [sökindexet](/pagefind/pagefind.js)",
    "[stycket](/artiklar/att-valja-coach/#:~:text=coach)",
    "[utan snedstreck sist](/kontakt)",
    "[listan](/artiklar/) och [flödet](/artiklar/atom.xml)",
    "[en annan webbplats](https://example.com/finns-inte/)",
]
BROKEN_ADDRESS_LINKS = {
    "[tjänsten](/tjanster/finns-inte/)": "länken /tjanster/finns-inte/ leder inte till någon",
    "[mer](tjanster/teamcoaching/)": "länken tjanster/teamcoaching/ leder inte till någon sida "
    "på webbplatsen — börja adressen med /: (/tjanster/teamcoaching/)",
    "[här](http://127.0.0.1:8000/kontakt/)": "länken http://127.0.0.1:8000/kontakt/ går till "
    "förhandsvisningen på din dator, som läsarna inte når — skriv bara adressen på "
    "webbplatsen: (/kontakt/)",
    "[priset](/tjanster/teamcoaching/#finns-inte)": "sidan /tjanster/teamcoaching/ har inget id",
    "[produktion](https://www.epm.example/tjanster/finns-inte/)": "länken https://www.epm."
    "example/tjanster/finns-inte/ leder inte till någon sida",
    "[utan www](http://EPM.example/tjanster/finns-inte/)": "länken http://EPM.example/tjanster"
    "/finns-inte/ leder inte till någon sida",
}


def test_a_link_written_as_an_address_must_reach_a_written_page(workspace):
    links = [*GOOD_ADDRESS_LINKS, *BROKEN_ADDRESS_LINKS]
    write(NEW, article(body="".join(f"\n{link}\n" for link in links)))(workspace)
    lines = (workspace / NEW).read_text("utf-8").splitlines()
    expected = {
        f"{NEW}:{lines.index(link) + 1}: {message}"
        for link, message in BROKEN_ADDRESS_LINKS.items()
    }
    before = tree_digest(workspace / "output")
    result = build_with_swap(workspace, "publishconf.py", **PRODUCTION_ENV)
    assert result.returncode == 1
    reported = result.stderr.strip().splitlines()
    assert reported[-1] == f"content_checks: {len(expected)} fel; bygget stoppades.", reported
    for line in expected:
        assert any(problem.startswith(line) for problem in reported[:-1]), (line, reported)
    assert tree_digest(workspace / "output") == before  # the readers' site stays as it was


def test_a_link_to_a_written_page_builds_in_the_preview_too(workspace):
    write(NEW, article(body="".join(f"\n{link}\n" for link in GOOD_ADDRESS_LINKS)))(workspace)
    result = build_with_swap(workspace)
    assert result.returncode == 0, result.stderr
