"""What a reader meets in a real browser: Chromium, driven by Playwright, on 127.0.0.1,
reading the fixture site."""

from urllib.parse import urlsplit

import pytest

from conftest import ARTIFACTS
from conftest import FIXTURE_SITE_MAP as SITE_MAP


@pytest.fixture(scope="module")
def site_url(fixture_site):
    return fixture_site.url


def test_skip_link_moves_focus_to_the_main_content(page, site_url):
    page.goto(site_url + "/artiklar/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "innehall"


@pytest.mark.parametrize("path", SITE_MAP)
def test_page_loads_without_leaving_the_site_or_erring(page, site_url, path):
    requested, errors = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(site_url + path, wait_until="load")
    assert response.ok
    assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}
    assert errors == []


@pytest.mark.parametrize("width", [360, 1440])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_start_page_fits_the_screen(page, site_url, width, scheme):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "/")
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"start-{width}-{scheme}.png", full_page=True)
