"""Link previews (plugins/share_cards): every page shows its own card, or an article its
leading photo, in a size and format LinkedIn takes; cards are drawn once per content."""

import json
import re
import shutil

import pytest
from PIL import Image

from conftest import FIXTURE_CONTENT, PRODUCTION_ENV, build, html_file, parse
from plugins.share_cards.card import MAX_LINES, ROOM, SIZE, drawable, fitted, width

MAX_BYTES = 80_000  # a card's budget (issue: link previews)
PHOTO_ARTICLE = "/artiklar/ledarskap-i-forandring/"  # starts with a photo
DRAWN = re.compile(r"share_cards: (\d+) delningsbilder ritade, (\d+) från cachen")


def og(page, name):
    return page.find("meta", property=f"og:{name}")["content"]


def test_every_page_shows_its_own_image_in_a_size_and_format_linkedin_takes(each_production):
    images = {}
    for path in each_production.paths():
        page = each_production.page(path)
        image = og(page, "image").removeprefix(each_production.url)
        images[path] = image
        file = html_file(each_production.folder, image)
        with Image.open(file) as shown:
            assert (shown.format, shown.size) in {("PNG", SIZE), ("JPEG", SIZE)}, path
        assert file.stat().st_size <= MAX_BYTES, path
        assert (og(page, "image:width"), og(page, "image:height")) == ("1200", "630"), path
        assert og(page, "image:alt").strip(), path
    assert len(set(images.values())) == len(images), "each page its own image"


def test_an_article_that_starts_with_a_photo_shows_the_photo(fixture_production):
    image = og(fixture_production.page(PHOTO_ARTICLE), "image")
    assert re.search(r"/images/samtal-[0-9a-f]{8}-delning\.jpg$", image)


def test_a_title_is_wrapped_at_spaces_and_a_long_compound_hyphenated_in_swedish():
    face, lines = fitted("Kompetensöverföringstjänsteutvecklingsprogrammet för ledningsgrupper")
    assert lines[0].endswith("pro-") and lines[1].startswith("grammet")  # Pro-gram-met
    assert all(width(line, face) <= ROOM for line in lines)
    face, lines = fitted("Allt du behöver veta om coaching och mentorskap? " * 2)
    assert len(lines) <= MAX_LINES and not any(line.endswith("-") for line in lines)


def test_a_title_too_long_for_four_lines_ends_in_an_ellipsis_within_the_line():
    face, lines = fitted("Ledarskap i förändring och coaching för ledningsgrupper " * 6)
    assert len(lines) == MAX_LINES and lines[-1].endswith(" …")
    assert all(width(line, face) <= ROOM for line in lines)


def test_what_the_font_cannot_draw_is_left_out():
    assert drawable("Nya mål 🚀 för 2027 ✨") == "Nya mål för 2027"
    assert drawable("Å & Ö: ”citat” <3") == "Å & Ö: ”citat” <3"


def card_of(folder, path):
    return og(parse(folder, path), "image").rsplit("/", 1)[-1]


def test_a_card_is_drawn_once_and_again_only_when_its_title_changes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    cache = {"SHARE_CARDS_CACHE": str(tmp_path / "cards")}

    def production(output):
        result = build("publishconf.py", tmp_path / output, content, cache, **PRODUCTION_ENV)
        assert result.returncode == 0, result.stderr
        return [int(n) for n in DRAWN.search(result.stdout + result.stderr).groups()]

    drawn, cached = production("cold")
    assert drawn > 10 and cached == 0
    assert production("warm") == [0, drawn]
    article = content / "articles" / "att-valja-coach.md"
    article.write_text(
        article.read_text("utf-8").replace("title: ", "title: Ny syn på ", 1), "utf-8"
    )
    assert production("retitled") == [1, drawn - 1]
    path = "/artiklar/att-valja-coach/"
    assert card_of(tmp_path / "retitled", path) != card_of(tmp_path / "warm", path)
    assert card_of(tmp_path / "retitled", "/tjanster/") == card_of(tmp_path / "warm", "/tjanster/")


@pytest.mark.parametrize("path", ["/artiklar/att-valja-coach/", PHOTO_ARTICLE])
def test_the_articles_json_ld_image_is_its_preview(fixture_production, path):
    page = fixture_production.page(path)
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    article = next(node for node in graph if node["@type"] == "Article")
    assert article["image"] == og(page, "image")
