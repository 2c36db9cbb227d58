"""The promise to editors, written down: their ordinary changes to content/ publish, and
their mistakes fail with the file and the line.

Each test edits a copy of the real content the way an editor would (a new article with a
photo, a fifth service placed second, a service retired, a typo fixed), builds it, looks
at the result, and runs the real-content test modules on it: nothing in the suite may
stand in the way of a valid change.
"""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from conftest import PRODUCTION_ENV, REAL_CONTENT, ROOT, build, parse
from site_model.checks.source import read_source

SITEURL = PRODUCTION_ENV["SITEURL"]

NEW_ARTICLE = """---
title: Första mötet med din coach
date: {today}
author: Therése M. Sandberg
summary: Vad som händer när du träffar din coach för första gången.
services:
  - {service}
---

![Ett foto från ett coachingsamtal, taget med en mobiltelefon]({{static}}../images/IMG_2041.JPG)

Det första mötet handlar om dig och dina mål.

## Innan mötet

Fundera på vad du vill uppnå.
"""
NEW_SERVICE = """---
title: Teamcoaching
order: {order}
summary: Coaching för ledningsgrupper som vill arbeta bättre tillsammans.
---

Teamcoaching hjälper en ledningsgrupp att nå sina gemensamma mål.
"""
ORDER_LINE = re.compile(r"^order:.*$", re.MULTILINE)
TYPO_FIX = "(rättat)"  # a word no page has, so that the test sees this very edit


def meta(file):
    """The front matter as the content checks read it."""
    return read_source(file, str(file), "any")[0].meta


def services_in_order(content):
    """The listed services, first to last, as an editor sees them on /tjanster/."""
    listed = [f for f in (content / "services").glob("*.md") if "status" not in meta(f)]
    return sorted(listed, key=lambda f: (meta(f)["order"], f.stem))


def a_newer_date(content):
    """Today, or the day after the newest article if an editor dated one ahead."""
    dates = [meta(f).get("date") for f in (content / "articles").glob("*.md")]
    newest = max((date.fromisoformat(str(d)[:10]) for d in dates if d), default=date.today())
    return max(date.today(), newest + timedelta(days=1)).isoformat()


def add_article_with_photo(content, service):
    # A phone photo as it comes off the phone: large, JPEG, named by the phone.
    Image.new("RGB", (1600, 1200), "#5a7d6a").save(content / "images" / "IMG_2041.JPG")
    text = NEW_ARTICLE.format(today=a_newer_date(content), service=service)
    (content / "articles" / "forsta-motet-med-din-coach.md").write_text(text, "utf-8")


def add_service_second(content):
    """A new service takes the second place; the editor renumbers the ones after it."""
    services = services_in_order(content)
    second = meta(services[1])["order"]
    for file in services[1:]:
        text = file.read_text("utf-8")
        new_order = f"order: {meta(file)['order'] + 1}"
        file.write_text(ORDER_LINE.sub(new_order, text, count=1), "utf-8")
    new = content / "services" / "ny-tjanst-for-test.md"
    new.write_text(NEW_SERVICE.format(order=second), "utf-8")
    return new.stem


def retire_service(content, file):
    """Delete the file, and edit the links to it away, as the content checks ask."""
    slug = file.stem
    file.unlink()
    for other in content.rglob("*.md"):
        text = other.read_text("utf-8")
        text = re.sub(rf"^\s*- {slug}\s*\n", "", text, flags=re.MULTILINE)
        text = re.sub(rf"\[([^\]]*)\]\(\{{filename\}}[^)]*/{slug}\.md[^)]*\)", r"\1", text)
        # An emptied list goes with its key (the closing --- is no list item).
        text = re.sub(r"^services:[ \t]*\n(?![ \t]*- )", "", text, flags=re.MULTILINE)
        other.write_text(text, "utf-8")


def fix_a_typo(article):
    """Change the end of the first plain sentence of the text, as a typo fix does."""
    text = article.read_text("utf-8")
    body_start = text.index("\n---", 3) + 4
    sentence = re.compile(r"^([A-ZÅÄÖ][^\n\[\]{}]*?)\.\s*$", re.MULTILINE)
    match = sentence.search(text, body_start)
    assert match, f"{article} has no plain sentence to edit"
    article.write_text(text[: match.end(1)] + f" {TYPO_FIX}" + text[match.end(1) :], "utf-8")


@dataclass
class Edits:
    content: Path
    retired: str  # the slug of the service deleted
    kept: str  # the slug of the service the new article names
    added: str  # the slug of the service placed second
    fixed: Path | None  # the article with a typo fixed


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A copy of content/ with all four changes made together."""
    content = tmp_path_factory.mktemp("edited") / "content"
    shutil.copytree(REAL_CONTENT, content)
    services = services_in_order(content)
    existing = sorted((content / "articles").glob("*.md"))
    retire_service(content, services[-1])
    added = add_service_second(content)
    add_article_with_photo(content, services[0].stem)
    if existing:
        fix_a_typo(existing[0])
    return Edits(content, services[-1].stem, services[0].stem, added, next(iter(existing), None))


@pytest.fixture(scope="module")
def edited_build(edited, tmp_path_factory):
    output = tmp_path_factory.mktemp("edited-production")
    result = build("publishconf.py", output, edited.content, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return output


def test_the_new_article_is_published_with_its_photo_first_in_the_list(edited_build, edited):
    article = parse(edited_build, "/artiklar/forsta-motet-med-din-coach/")
    photo = article.select_one(".prose img")
    assert photo["alt"].startswith("Ett foto från ett coachingsamtal")
    assert (edited_build / photo["src"].removeprefix(SITEURL + "/")).exists()
    related = [a["href"] for a in article.select("aside .cards a")]
    assert related == [f"{SITEURL}/tjanster/{edited.kept}/"]
    listed = parse(edited_build, "/artiklar/").select_one(".teaser__title a")
    assert listed["href"] == f"{SITEURL}/artiklar/forsta-motet-med-din-coach/"


def test_the_fifth_service_is_second_everywhere(edited_build, edited):
    for path in ("/tjanster/", "/"):
        cards = [a["href"] for a in parse(edited_build, path).select("main .cards a")]
        assert cards[1] == f"{SITEURL}/tjanster/{edited.added}/", path


def test_the_retired_service_is_gone_and_nothing_links_to_it(edited_build, edited):
    assert not (edited_build / "tjanster" / edited.retired).exists()
    for page in edited_build.rglob("*.html"):
        assert f"/tjanster/{edited.retired}/" not in page.read_text("utf-8"), page


def test_the_typo_fix_is_on_the_page(edited_build, edited):
    if edited.fixed is None:
        pytest.skip("content/ has no article to fix a typo in")
    page = parse(edited_build, f"/artiklar/{edited.fixed.stem}/")
    assert TYPO_FIX in page.select_one(".prose").get_text()


def test_the_suite_holds_for_the_edited_content(edited, edited_build):
    """The real-content tests and gates, run on the edited copy as CI would run them."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/content/test_real_content.py",
            "tests/built/test_typography.py",
            "tests/built/test_quality.py",
            # The edited copy's production build (edited_build) ran the content checks
            # already; `invoke check-content` itself is tested on the real content.
            "-k",
            "real and not the_content_passes_its_checks",
        ],
        cwd=ROOT,
        env={  # a run of its own, not one of this run's xdist workers
            **{name: value for name, value in os.environ.items() if "XDIST" not in name},
            "CONTENT_UNDER_TEST": str(edited.content),
            "CONTENT_UNDER_TEST_PRODUCTION": str(edited_build),
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout and " failed" not in result.stdout


MISTAKEN_ARTICLE = """---
title: Ett nytt inlägg
date: 2026-11-27
autor: Therése M. Sandberg
summary: En sammanfattning.
---

![Porträtt]({static}../images/finns-inte.jpg)
"""


def test_mistakes_in_the_edited_content_name_their_file_and_line(edited, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(edited.content, content)
    (content / "articles" / "ett-nytt-inlagg.md").write_text(MISTAKEN_ARTICLE, "utf-8")
    result = build("pelican.conf.py", tmp_path / "output", content)
    assert result.returncode == 1
    shown = content / "articles" / "ett-nytt-inlagg.md"  # outside the project: shown whole
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{shown}:1: 'author' saknas") for line in lines), lines
    assert any(line.startswith(f"{shown}:4: okänt fält 'autor'") for line in lines), lines
    assert any(line.startswith(f"{shown}:8: {{static}}../images/finns-inte.jpg") for line in lines)
    assert not (tmp_path / "output").exists()
