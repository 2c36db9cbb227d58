"""The production build of the fixture site: absolute https URLs, the real endpoint, no
drafts, and refusal of bad settings."""

import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURE_CONTENT, PRODUCTION_ENV, SETTINGS, build
from conftest import FIXTURE_SITE_MAP as SITE_MAP

SITEURL = PRODUCTION_ENV["SITEURL"]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ARTICLE = "/artiklar/ledarskap-i-forandring/"
NOT_INDEXED = (
    "/kontakt/tack/",
    "/sok/",
    "/404.html",
    "/tjanster/medarbetarsamtal/",
)  # noindex, hidden
NEXT = SETTINGS["CONTACT_FORM_FIELDS"]["redirect"]  # the form service's name for it


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SITEURL", ""),
        ("SITEURL", "http://www.epm.example"),
        ("CONTACT_FORM_ENDPOINT", ""),
        ("CONTACT_FORM_ENDPOINT", "http://formspree.io/f/abc"),
    ],
)
def test_production_build_refuses_missing_or_plain_http_settings(tmp_path, name, value):
    env = {**PRODUCTION_ENV, name: value}
    result = build("publishconf.py", tmp_path / "out", FIXTURE_CONTENT, **env)
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"publishconf.py: {name} must be an https URL, e.g. {name}=https://")
    assert line.endswith(f"(got {value or 'nothing'})")
    assert not (tmp_path / "out").exists()


def test_exactly_the_published_pages_are_built(fixture_production):
    assert fixture_production.paths() == sorted(SITE_MAP)  # no /utkast/


def test_form_posts_to_the_configured_endpoint(fixture_production):
    for path in ("/kontakt/", "/", ARTICLE):
        form = fixture_production.page(path).find("form", class_="contact-form")
        assert form["action"] == PRODUCTION_ENV["CONTACT_FORM_ENDPOINT"]
        assert form.find("input", attrs={"name": NEXT})["value"] == f"{SITEURL}/kontakt/tack/"


def test_canonical_links_are_absolute(fixture_production):
    page = fixture_production.page("/tjanster/teamcoaching/")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/tjanster/teamcoaching/"


def test_sitemap_lists_the_indexable_pages_with_absolute_urls(fixture_production):
    tree = ET.parse(fixture_production.folder / "sitemap.xml")
    urls = sorted(loc.text for loc in tree.iter(f"{SITEMAP}loc"))
    assert urls == sorted(SITEURL + path for path in SITE_MAP if path not in NOT_INDEXED)


def test_feed_lists_the_articles_newest_first_with_absolute_urls(fixture_production):
    tree = ET.parse(fixture_production.folder / "artiklar" / "atom.xml")
    entries = [entry.find(f"{ATOM}link").get("href") for entry in tree.iter(f"{ATOM}entry")]
    assert entries == [f"{SITEURL}/artiklar/att-valja-coach/", SITEURL + ARTICLE]
    titles = [title.text for title in tree.iter(f"{ATOM}title")]
    assert "Ledarskap i förändring" in titles


def test_robots_points_at_the_sitemap(fixture_production):
    robots = (fixture_production.folder / "robots.txt").read_text()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()
