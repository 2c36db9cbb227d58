"""The production build: absolute https URLs, the real endpoint, and refusal of bad settings."""

import xml.etree.ElementTree as ET

import pytest

from conftest import PRODUCTION_ENV, build, parse

SITEURL = PRODUCTION_ENV["SITEURL"]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


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
    result = build("publishconf.py", tmp_path / "out", **{**PRODUCTION_ENV, name: value})
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"publishconf.py: {name} must be an https URL, e.g. {name}=https://")
    assert line.endswith(f"(got {value or 'nothing'})")
    assert not (tmp_path / "out").exists()


def test_form_posts_to_the_configured_endpoint(production_site):
    for path in ("/kontakt/", "/", "/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/"):
        form = parse(production_site, path).find("form", class_="contact-form")
        assert form["action"] == PRODUCTION_ENV["CONTACT_FORM_ENDPOINT"]
        assert form.find("input", attrs={"name": "_next"})["value"] == f"{SITEURL}/kontakt/tack/"


def test_canonical_links_are_absolute(production_site):
    page = parse(production_site, "/tjanster/executive-coaching/")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/tjanster/executive-coaching/"


def test_sitemap_lists_published_pages_with_absolute_urls(production_site):
    tree = ET.parse(production_site / "sitemap.xml")
    urls = sorted(loc.text for loc in tree.iter(f"{SITEMAP}loc"))
    assert all(url.startswith(f"{SITEURL}/") for url in urls)
    assert f"{SITEURL}/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/" in urls
    assert f"{SITEURL}/tjanster/kompetenscoaching/" in urls
    assert len(urls) == 10


def test_feed_is_well_formed_with_absolute_urls(production_site):
    tree = ET.parse(production_site / "artiklar" / "atom.xml")
    links = [link.get("href") for link in tree.iter(f"{ATOM}link")]
    assert links and all(link.startswith(f"{SITEURL}/") for link in links)
    titles = [title.text for title in tree.iter(f"{ATOM}title")]
    assert "Allt du behöver veta om coaching och mentorskap?" in titles


def test_robots_points_at_the_sitemap(production_site):
    robots = (production_site / "robots.txt").read_text()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()
