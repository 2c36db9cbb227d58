"""A save of articles reads and renders only them in the preview (plugins/preview_reuse):
every other article is kept from the build before and its page linked from the site it
serves. That is right only while no page of an article shows anything of another
article's file, so each kind of edit an editor makes to an article is made here, and the
preview's pages compared with a full build's, byte for byte (images too)."""

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT

OTHER_ARTICLE = "ledarskap-i-forandring.md"  # never edited below; it has a photo
OTHER_PAGE = "artiklar/ledarskap-i-forandring/index.html"
EDITS = [  # (file, old, new), each on the content as the edit before left it
    ("att-valja-coach.md", "ett viktigt beslut.", "ett viktigt beslut. Ett nytt stycke."),
    ("att-valja-coach.md", "title: Att välja coach", "title: Att välja rätt coach"),
    ("att-valja-coach.md", "summary: Fem frågor", "summary: Sex frågor"),
    ("att-valja-coach.md", "date: 2026-11-15", "date: 2026-09-01"),
    ("att-valja-coach.md", "original_url:", "services:\n  - teamcoaching\noriginal_url:"),
    ("att-valja-coach.md", "## Nästa steg", "## Vidare"),
]
# Edits that change what another article's page links to.
ACROSS = [
    ("ledarskap-i-forandring.md", "## Stöd", "## Hjälp"),  # att-valja-coach links #stod
    ("ledarskap-i-forandring.md", "summary:", "status: draft\nsummary:"),  # and links to it
]


# pelican-sitemap dates a page that has no date with the time of the build.
BUILD_TIME = re.compile(rb"<lastmod>[0-9-]+T(?!00:00:00)[^<]*</lastmod>")


def pages(folder):
    """{path: bytes} of every page and file the build wrote, but the search index (made
    after the build, tests/repository/test_tasks.py) and the time of the build."""
    files = (file for file in Path(folder).rglob("*") if file.is_file())
    return {
        str(file.relative_to(folder)): BUILD_TIME.sub(b"", file.read_bytes())
        for file in files
        if file.relative_to(folder).parts[0] != "pagefind"
    }


def full_build(content, output):
    import tasks

    shutil.rmtree(output, ignore_errors=True)
    try:
        tasks.build_site(tasks.CONFIG["settings_dev"], output, content, tasks.PREVIEW_SETTINGS)
    except SystemExit:
        return False
    return True


@pytest.fixture
def preview(tmp_path):
    import tasks

    content, served = tmp_path / "content", tmp_path / "served"
    shutil.copytree(FIXTURE_CONTENT, content)
    assert tasks.rebuild_preview(served, content)
    return content, served


def edit(content, file, old, new):
    path = content / "articles" / file
    text = path.read_text("utf-8")
    assert text.count(old) == 1, (file, old)
    path.write_text(text.replace(old, new), "utf-8")


def test_a_saved_article_is_read_and_rendered_and_the_other_articles_reused(preview, tmp_path):
    import tasks

    content, served = preview
    read = sys.modules["preview_reuse"].READ  # the plugin as Pelican loaded it
    other = str(content / "articles" / OTHER_ARTICLE)
    for file, old, new in EDITS:
        before, kept = os.stat(served / OTHER_PAGE).st_ino, read[other][1]
        edit(content, file, old, new)
        assert tasks.rebuild_preview(served, content), (file, new)
        assert read[other][1] is kept, "not kept: read again"
        assert os.stat(served / OTHER_PAGE).st_ino == before, "not reused: rendered again"
        assert full_build(content, tmp_path / "full"), new
        assert_as_full_build(content, served, tmp_path / "full", new)


@pytest.mark.parametrize("file, old, new", ACROSS, ids=["anchor", "draft"])
def test_an_article_edit_that_changes_another_page_does_as_a_full_build(
    preview, tmp_path, file, old, new
):
    import tasks

    content, served = preview
    edit(content, file, old, new)
    assert tasks.rebuild_preview(served, content) == full_build(content, tmp_path / "full")
    assert_as_full_build(content, served, tmp_path / "full", new)


def assert_as_full_build(content, served, full, edit):
    """The preview shows what a full build of the same content shows (when it failed too,
    the preview's banner: tests/repository/test_tasks.py)."""
    if not full.exists():
        return
    full, shown = pages(full), pages(served)
    assert shown.keys() == full.keys(), (edit, shown.keys() ^ full.keys())
    different = [path for path in full if shown[path] != full[path]]
    assert not different, f"after {edit!r} the preview differs from a full build: {different}"


def test_anything_but_an_article_saved_renders_every_page(preview):
    import tasks

    content, served = preview
    read = sys.modules["preview_reuse"].READ
    other = str(content / "articles" / OTHER_ARTICLE)
    before, kept = os.stat(served / OTHER_PAGE).st_ino, read[other][1]
    service = content / "services" / "teamcoaching.md"
    service.write_text(service.read_text("utf-8") + "\nEtt nytt stycke.\n", "utf-8")
    assert tasks.rebuild_preview(served, content)
    assert os.stat(served / OTHER_PAGE).st_ino != before
    assert read[other][1] is not kept, "a service's save must read every article again"
