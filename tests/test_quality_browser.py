"""The production build in Chromium, served as if from its real https origin."""

import mimetypes
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader
from test_contact_form import WCAG_TAGS
from test_pages import SITE_MAP
from test_quality import ARTICLE, html_file

from conftest import ARTIFACTS, PRODUCTION_ENV

SITEURL = PRODUCTION_ENV["SITEURL"]
ENDPOINT = PRODUCTION_ENV["CONTACT_FORM_ENDPOINT"]


class ProductionSite:
    """Answers for the site's origin from the build, with the `_headers` file's CSP, and
    for the form service like Formspree; records every request that goes anywhere else,
    and what the page logs as an error."""

    def __init__(self, folder):
        self.folder = folder
        self.csp = next(
            line.split(": ", 1)[1]
            for line in (folder / "_headers").read_text().splitlines()
            if line.strip().startswith("Content-Security-Policy")
        )
        self.posts, self.elsewhere, self.errors = [], [], []

    def handle(self, route):
        request = route.request
        if request.url.startswith(SITEURL + "/"):
            path = urlsplit(request.url).path
            file = html_file(self.folder, path)
            if not file.exists():
                return route.fulfill(status=404, body="")
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            headers = {"Content-Type": content_type}
            if content_type == "text/html":
                headers["Content-Security-Policy"] = self.csp
            return route.fulfill(status=200, headers=headers, body=file.read_bytes())
        if request.url == ENDPOINT and request.method == "POST":
            self.posts.append(request.post_data)
            return route.fulfill(
                status=200, json={"ok": True}, headers={"Access-Control-Allow-Origin": "*"}
            )
        self.elsewhere.append(request.url)
        return route.abort()


@pytest.fixture
def live(browser, production_site):
    site = ProductionSite(production_site)
    context = browser.new_context()
    context.route("**/*", site.handle)
    page = context.new_page()
    # CSP violations reach the console as errors; a meta-only directive would be a warning.
    page.on("console", lambda m: m.type in ("error", "warning") and site.errors.append(m.text))
    page.on("pageerror", lambda error: site.errors.append(str(error)))
    yield site, page
    context.close()


@pytest.mark.parametrize("path", SITE_MAP)
def test_page_needs_nothing_the_csp_blocks_and_nothing_from_elsewhere(live, path):
    site, page = live
    page.goto(SITEURL + path, wait_until="load")
    assert site.errors == []
    assert site.elsewhere == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", SITE_MAP)
def test_no_accessibility_violations(live, path, scheme):
    _, page = live
    page.emulate_media(color_scheme=scheme)
    page.goto(SITEURL + path)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


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
    assert "Allt du behöver veta om coaching och mentorskap?" in text
    assert "Skriven av Therése M. Sandberg" in text
    assert "oavsett vilken tjänst du eftersöker." in text
    for clutter in (
        "Hoppa till innehållet",
        "Huvudmeny",
        "Skicka",
        "Meddelande",
        "Atom-flöde",
        "Innehåll",
        "Kontakta oss",
    ):
        assert clutter not in text, clutter
