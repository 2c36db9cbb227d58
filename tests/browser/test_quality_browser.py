"""The production builds in Chromium, served as if from their real https origin.

Every page of both content trees must need nothing the CSP blocks and pass axe; the form
and the print style are tried on the fixture site.
"""

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import ARTIFACTS, AXE_OPTIONS
from production_site import SITEURL, open_live

ARTICLE = "/artiklar/ledarskap-i-forandring/"


@pytest.fixture(scope="module")
def each_live(browser, each_production):
    """One browser page per content tree, shared by the checks that visit every page."""
    site, page, context = open_live(browser, each_production.folder)
    yield site, page, each_production.browser_paths()
    context.close()


@pytest.fixture(scope="module")
def axe_live(browser, each_production):
    """Like each_live, with axe-core put into every page as it loads: its 570 kB script is
    handed to the browser once, not sent through Playwright again for each page (that was a
    third of axe's time a page, measured on the fixture site)."""
    _, page, context = open_live(browser, each_production.folder)
    context.add_init_script(script=Axe().axe_script)
    yield page, each_production.browser_paths()
    context.close()


@pytest.fixture
def live(browser, fixture_production):
    site, page, context = open_live(browser, fixture_production.folder)
    yield site, page
    context.close()


def test_pages_need_nothing_the_csp_blocks_and_nothing_from_elsewhere(each_live):
    site, page, paths = each_live
    for path in paths:
        page.goto(SITEURL + path, wait_until="load")
        assert (path, site.errors, site.elsewhere) == (path, [], [])


def test_a_page_is_one_request_besides_its_images(each_live):
    # Nothing else in flight to hold up a phone's first paint (docs/quality.md, Lighthouse).
    site, page, paths = each_live
    for path in paths:
        site.fetched.clear()
        page.goto(SITEURL + path, wait_until="load")
        assert [fetch for fetch in site.fetched if fetch[0] != "image"] == [("document", path)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(axe_live, scheme):
    page, paths = axe_live
    page.emulate_media(color_scheme=scheme)
    reports = []
    for path in paths:
        page.goto(SITEURL + path)
        results = AxeResults(page.evaluate("(options) => axe.run(options)", AXE_OPTIONS))
        if results.violations_count:
            reports.append(f"{path}:\n{results.generate_report()}")
    assert reports == []


def test_form_still_posts_under_the_csp(live):
    site, page = live
    page.goto(SITEURL + "/kontakt/")
    page.fill("#kontakt-namn", "Åsa")
    page.fill("#kontakt-epost", "asa@foretag.se")
    page.fill("#kontakt-meddelande", "Hej")
    page.get_by_role("button", name="Skicka").click()
    expect(page.locator(".form-thanks")).to_be_focused()
    assert len(site.posts) == 1 and "asa%40foretag.se" in site.posts[0]
    assert site.errors == [] and site.elsewhere == []


def test_article_prints_its_text_without_the_furniture(live):
    _, page = live
    page.goto(SITEURL + ARTICLE)
    pdf = ARTIFACTS / "artikel.pdf"
    pdf.parent.mkdir(exist_ok=True)
    page.pdf(path=pdf, format="A4")
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    text = " ".join(text.split())
    assert "Ledarskap i förändring" in text
    assert "Skriven av Anna Berg" in text
    assert "Samtal varannan vecka" in text
    for clutter in (
        "Hoppa till innehållet",
        "Huvudmeny",
        "Skicka",
        "Meddelande",
        "Artikelflöde",
        "Innehåll",
        "Kontakta oss",
    ):
        assert clutter not in text, clutter
