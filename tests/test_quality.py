"""Reader quality gates on the production build: bytes, validity, links, metadata, headers."""

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from urllib.parse import urldefrag, urlsplit

import pytest
from test_pages import SITE_MAP

from conftest import PRODUCTION_ENV, ROOT, parse

SITEURL = PRODUCTION_ENV["SITEURL"]
FIRST_ROUND_TRIP_BYTES = 14_600
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
ARTICLE = "/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/"
INDEXED = [path for path in SITE_MAP if path not in ("/404.html", "/kontakt/tack/")]


def require(tool, found):
    if not found:
        message = f"{tool} not found: run `npm ci` (and install Java 17)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def html_file(site, path):
    return site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


def render_blocking(page):
    """Stylesheets and synchronous scripts that the browser must fetch before first paint."""
    sheets = page.select('link[rel~="stylesheet"]')
    scripts = [
        s
        for s in page.find_all("script", src=True)
        if not (s.has_attr("defer") or s.has_attr("async") or s.get("type") == "module")
    ]
    return sheets + scripts


def test_every_page_arrives_in_one_round_trip(production_site, capsys):
    rows = []
    for path in SITE_MAP:
        html = html_file(production_site, path).read_bytes()
        page = parse(production_site, path)
        assert render_blocking(page) == [], path
        rows.append((path, len(html), len(gzip.compress(html, compresslevel=9))))
    with capsys.disabled():
        print("\n| page | HTML bytes | gzip -9 bytes (all that blocks first render) |")
        print("| --- | ---: | ---: |")
        for path, raw, packed in rows:
            print(f"| {path} | {raw:,} | {packed:,} |")
    assert all(packed <= FIRST_ROUND_TRIP_BYTES for _, _, packed in rows), rows


def test_style_is_inline_and_allowed_by_its_hash(production_site):
    page = parse(production_site, "/")
    [style] = page.find_all("style")
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    digest = base64.b64encode(hashlib.sha256(style.string.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp


def test_html_is_valid_by_the_nu_checker(production_site):
    require("vnu.jar", VNU.exists() and shutil.which("java"))
    files = [str(html_file(production_site, path)) for path in SITE_MAP]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *files],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def internal_targets(page):
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in page.find_all(tag, attrs={attribute: True}):
            url = element[attribute]
            if url.startswith(SITEURL + "/") or url.startswith("#"):
                yield url.removeprefix(SITEURL)


@pytest.mark.parametrize("path", SITE_MAP)
def test_internal_links_and_anchors_resolve(production_site, path):
    page = parse(production_site, path)
    for url in internal_targets(page):
        target, anchor = urldefrag(url)
        target_path = target or path
        file = html_file(production_site, target_path)
        assert file.exists(), f"{path} links to {url}"
        if anchor:
            assert parse(production_site, target_path).find(id=anchor), f"{path} → {url}"


@pytest.mark.parametrize("path", SITE_MAP)
def test_external_links_carry_noopener(production_site, path):
    for link in parse(production_site, path).find_all("a", href=re.compile(r"^https?://")):
        if not link["href"].startswith(SITEURL):
            assert "noopener" in link.get("rel", []), link


@pytest.mark.parametrize("path", SITE_MAP)
def test_open_graph(production_site, path):
    page = parse(production_site, path)

    def og(name):
        return page.find("meta", property=f"og:{name}")["content"]

    assert og("title") == page.title.string
    assert og("description") == page.find("meta", attrs={"name": "description"})["content"]
    assert og("url") == page.find("link", rel="canonical")["href"] == SITEURL + path
    assert og("locale") == "sv_SE"
    assert og("type") == ("article" if path == ARTICLE else "website")
    assert og("image").startswith(SITEURL + "/")
    assert html_file(production_site, og("image").removeprefix(SITEURL)).stat().st_size > 0


def graph(site, path):
    [script] = parse(site, path).find_all("script", type="application/ld+json")
    return {node["@type"]: node for node in json.loads(script.string)["@graph"]}


EXPECTED_TYPES = {
    "/": {"ProfessionalService"},
    "/404.html": {"ProfessionalService"},
    "/kontakt/": {"ProfessionalService", "ContactPage", "BreadcrumbList"},
    ARTICLE: {"ProfessionalService", "Article", "BreadcrumbList"},
}


@pytest.mark.parametrize("path", SITE_MAP)
def test_structured_data(production_site, path):
    nodes = graph(production_site, path)
    expected = EXPECTED_TYPES.get(path, {"ProfessionalService", "BreadcrumbList"})
    if re.fullmatch(r"/tjanster/[a-z-]+/", path):
        expected = {"ProfessionalService", "Service", "BreadcrumbList"}
    assert set(nodes) == expected
    assert nodes["ProfessionalService"]["@id"] == f"{SITEURL}/#epm"
    if "BreadcrumbList" in nodes:
        items = nodes["BreadcrumbList"]["itemListElement"]
        assert items[0]["item"] == f"{SITEURL}/" and items[-1]["item"] == SITEURL + path


def test_article_and_service_data(production_site):
    article = graph(production_site, ARTICLE)["Article"]
    assert article["headline"] == "Allt du behöver veta om coaching och mentorskap?"
    assert article["author"] == {"@type": "Person", "name": "Therése M. Sandberg"}
    assert article["datePublished"].startswith("2026-11-26")
    assert article["dateModified"].startswith("2026-11-26")
    service = graph(production_site, "/tjanster/executive-coaching/")["Service"]
    assert service["name"] == "Executive Coaching & Mentoring"
    assert service["provider"] == {"@id": f"{SITEURL}/#epm"}


def test_sitemap_lists_exactly_the_published_pages(production_site):
    tree = ET.parse(production_site / "sitemap.xml")
    urls = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert urls == {SITEURL + path for path in INDEXED}


def test_security_headers_file(production_site):
    headers = (production_site / "_headers").read_text()
    assert headers.startswith("/*\n")
    fields = dict(line.strip().split(": ", 1) for line in headers.splitlines()[1:])
    csp = dict(d.split(" ", 1) for d in fields["Content-Security-Policy"].split("; "))
    assert csp["default-src"] == "'none'"
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", csp["style-src"])
    assert csp["script-src"] == "'self'"
    assert csp["form-action"] == "'self' https://formspree.io"
    assert csp["base-uri"] == "'none'" and csp["frame-ancestors"] == "'none'"
    for name in (
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Cross-Origin-Opener-Policy",
    ):
        assert fields[name]
    meta = parse(production_site, "/").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == fields["Content-Security-Policy"].replace(
        "; frame-ancestors 'none'", ""
    )


def test_no_web_fonts_and_no_other_origins_in_the_markup(production_site):
    for path in SITE_MAP:
        html = html_file(production_site, path).read_text("utf-8")
        assert "@font-face" not in html and "@import" not in html
        for url in re.findall(r'(?:src|href)="?(https?://[^"\s>]+)', html):
            assert urlsplit(url).netloc == urlsplit(SITEURL).netloc, (path, url)


def test_feed_lists_exactly_the_published_articles(production_site):
    feed = ET.parse(production_site / "artiklar" / "atom.xml")
    entries = [
        link.get("href")
        for entry in feed.iter("{http://www.w3.org/2005/Atom}entry")
        for link in entry.iter("{http://www.w3.org/2005/Atom}link")
    ]
    assert entries == [SITEURL + ARTICLE]
