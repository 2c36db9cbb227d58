"""What an editor's open preview tab shows under `invoke livereload` when a save fails to
build: the banner that names the mistake, in view, wherever the editor was on the page.

The tab reloads itself (livereload.js); Chromium then restores the scroll position by the
element that was at the top of the view, so a banner put above it landed just above the
top edge, and the editor saw nothing change (0 → 99 px on this article at 1440 px)."""

import pytest
from playwright.sync_api import expect

from livereload_session import listening_for_reloads, running_livereload

ARTICLE = "/artiklar/att-valja-coach/"
MISTAKE = "\nSe [tjänsten](/tjanster/finns-inte/).\n"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    with running_livereload(tmp_path_factory.mktemp("livereload")) as preview:
        yield preview


@pytest.mark.parametrize(
    ("width", "height", "reading_at"),
    [(1440, 900, 0), (390, 844, 0), (390, 844, 0.5)],
    ids=["desktop-top", "phone-top", "phone-halfway"],
)
def test_a_failed_save_shows_its_banner_in_view_and_a_fix_takes_it_away(
    preview, browser, width, height, reading_at
):
    """`reading_at`: where the editor was when saving, as a share of the page's height."""
    article = preview.content / "articles" / "att-valja-coach.md"
    good = article.read_text("utf-8")
    page = browser.new_page(viewport={"width": width, "height": height})
    banner = page.locator("[data-build-failed]")
    try:
        page.goto(preview.base + ARTICLE)
        page.evaluate("(share) => scrollTo(0, document.body.scrollHeight * share)", reading_at)
        place = page.evaluate("scrollY")
        listening_for_reloads(page)
        article.write_text(good + MISTAKE, "utf-8")
        expect(banner).to_contain_text("/tjanster/finns-inte/ leder inte", timeout=60_000)
        expect(banner).to_be_in_viewport(ratio=1)
        assert page.evaluate("scrollY") >= place  # not taken back to the top
        listening_for_reloads(page)  # the reloaded page
    finally:
        article.write_text(good, "utf-8")
    try:
        expect(banner).to_have_count(0, timeout=60_000)
    finally:
        page.close()
