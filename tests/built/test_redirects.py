"""A renamed file keeps its old addresses: the browser lands on the new page, hosts that
read `_redirects` answer 301 (or 410 for a page gone for good), and search engines are
pointed at the new address only."""

import re

import pytest
from bs4 import BeautifulSoup

from conftest import PRODUCTION_ENV, build, nu_checker_errors
from site_copy import article, build_production, write_site
from tools.static_server import serving

SITEURL = PRODUCTION_ENV["SITEURL"]
OLD = ["artiklar/gammal-adress/", "gamla-sidor/artikel.html"]
NEW = "artiklar/ny-adress/"
RENAMED = article(
    "Ny adress", "original_url:\n  - artiklar/gammal-adress/\n  - gamla-sidor/artikel.html\n"
)
GONE = "# Sidor som är borta för gott\nartiklar/borttagen/  # togs bort 2026\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("renamed")
    return build_production(root, {"ny-adress.md": RENAMED}, gone=GONE)[1]


@pytest.fixture(scope="module")
def site_url(site):
    with serving(site) as url:
        yield url


def redirect_page(site, address):
    file = site / (address + "index.html" if address.endswith("/") else address)
    return BeautifulSoup(file.read_text("utf-8"), "html5lib")


@pytest.mark.parametrize("old", OLD)
def test_browser_at_an_old_address_lands_on_the_new_page(page, site_url, old):
    page.goto(f"{site_url}/{old}")
    page.wait_for_url(f"{site_url}/{NEW}")
    assert page.locator("h1").inner_text() == "Ny adress"


@pytest.mark.parametrize("old", OLD)
def test_redirect_page_is_swedish_noindex_and_points_at_the_new_address(site, old):
    html = redirect_page(site, old)
    assert html.html["lang"] == "sv"
    refresh = html.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == f"0; url=/{NEW}"
    assert html.find("link", rel="canonical")["href"] == f"{SITEURL}/{NEW}"
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    link = html.find("a", href=f"/{NEW}")
    assert link.parent.get_text(" ", strip=True) == "Sidan har flyttat till Ny adress ."


def test_redirect_page_passes_the_content_security_policy(site):
    html = redirect_page(site, OLD[0])
    csp = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "unsafe-inline" not in csp
    assert html.find_all("script") == [] and html.find_all("style") == []
    assert not any(tag.has_attr("style") for tag in html.find_all(True))


def test_redirect_page_is_valid_html(site):
    assert nu_checker_errors([site / OLD[0] / "index.html", site / OLD[1]]) == ""


def test_hosts_get_301_for_old_addresses_and_410_for_gone_ones(site):
    lines = (site / "_redirects").read_text("utf-8").splitlines()
    assert f"/{OLD[0]} /{NEW} 301" in lines
    assert f"/{OLD[1]} /{NEW} 301" in lines
    assert "/artiklar/borttagen/ /404.html 410" in lines


def test_old_addresses_are_not_in_the_sitemap_or_the_feed(site):
    listed = (site / "sitemap.xml").read_text("utf-8") + (site / "artiklar/atom.xml").read_text()
    assert f"{SITEURL}/{NEW}" in listed
    for old in OLD:
        assert old not in listed


def test_the_preview_serves_old_addresses_too(tmp_path):
    content = write_site(tmp_path, {"ny-adress.md": RENAMED})
    result = build("pelican.conf.py", tmp_path / "output", content=content)
    assert result.returncode == 0, result.stderr
    refresh = redirect_page(tmp_path / "output", OLD[0]).find(
        "meta", attrs={"http-equiv": "refresh"}
    )
    assert refresh["content"] == f"0; url=/{NEW}"


MISTAKES = {
    "taken.md": article("Tar en adress", "original_url: artiklar/ny-adress/\n"),
    "own.md": article("Egen adress", "original_url: artiklar/own/\n"),
    "domain.md": article("Med domän", "original_url: https://www.epm.se/artiklar/x/\n"),
    "twice.md": article("Två gånger", "original_url:\n  - gamla-sidor/artikel.html\n"),
    "ny-adress.md": RENAMED,
}
GONE_MISTAKES = "artiklar/ny-adress/\nartiklar/gammal-adress/\n/artiklar/snedstreck/\n"


def test_old_address_mistakes_stop_the_build_with_file_line_and_fix(tmp_path):
    content = write_site(tmp_path, MISTAKES, gone=GONE_MISTAKES)
    result = build("pelican.conf.py", tmp_path / "output", content=content)
    assert result.returncode == 1
    articles, gone = f"{content}/articles", f"{content}/gone.txt"
    expected = [
        f"{articles}/domain.md:6: 'original_url' 'https://www.epm.se/artiklar/x/' är ingen",
        f"{articles}/own.md:6: 'original_url: artiklar/own/' är den här filens egen adress "
        "— ta bort",
        f"{articles}/taken.md:6: 'original_url: artiklar/ny-adress/' är adressen till "
        f"{articles}/ny-adress.md — ta bort den här, eller byt namn på den filen först",
        f"{articles}/twice.md:6: 'original_url: gamla-sidor/artikel.html' står också i "
        f"{articles}/ny-adress.md:6 — behåll den bara i den fil",
        f"{gone}:1: artiklar/ny-adress/ är adressen till {articles}/ny-adress.md — ta bort den här",
        f"{gone}:2: artiklar/gammal-adress/ leds redan vidare via 'original_url' i "
        f"{articles}/ny-adress.md:6",
        f"{gone}:3: '/artiklar/snedstreck/' är ingen adress på den här webbplatsen",
    ]
    lines = result.stderr.splitlines()
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, result.stderr)
    assert re.search(r"content_checks: 7 fel; inget byggdes", result.stderr)
