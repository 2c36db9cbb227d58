"""Reader quality gates on the production build: bytes, validity, links, metadata, headers.

Gates that every page must pass run on both content trees (`each_production`), over the
pages each build actually has; exact figures and lists run on the fixture site.
"""

import base64
import gzip
import hashlib
import json
import re
from urllib.parse import urldefrag, urlsplit

import pytest

from conftest import FIXTURE_SITE_MAP as SITE_MAP
from conftest import PRODUCTION_ENV, SETTINGS, html_file, nu_checker_errors
from tools.first_render import FIRST_ROUND_TRIP_BYTES, first_render_bytes

SITEURL = PRODUCTION_ENV["SITEURL"]
ARTICLE = "/artiklar/ledarskap-i-forandring/"
ARTICLE_ADDRESS = re.compile("/" + SETTINGS["ARTICLE_URL"].replace("{slug}", "[a-z0-9-]+"))


def render_blocking(page):
    """Stylesheets and synchronous scripts that the browser must fetch before first paint."""
    sheets = page.select('link[rel~="stylesheet"]')
    scripts = [
        s
        for s in page.find_all("script", src=True)
        if not (s.has_attr("defer") or s.has_attr("async") or s.get("type") == "module")
    ]
    return sheets + scripts


def packed(data):
    return len(gzip.compress(data, compresslevel=9))


def test_every_page_can_render_after_one_round_trip(each_production):
    for path in each_production.paths():
        page = each_production.page(path)
        assert render_blocking(page) == [], path
        html = html_file(each_production.folder, path).read_bytes()
        assert first_render_bytes(html) <= FIRST_ROUND_TRIP_BYTES, path


def test_the_fixture_pages_arrive_whole_in_one_round_trip(fixture_production, capsys):
    rows = []
    for path in SITE_MAP:
        html = html_file(fixture_production.folder, path).read_bytes()
        rows.append((path, len(html), first_render_bytes(html), packed(html)))
    with capsys.disabled():
        print("\n| page | HTML bytes | gzip -9 to the heading | gzip -9 whole page |")
        print("| --- | ---: | ---: | ---: |")
        for path, raw, first, whole in rows:
            print(f"| {path} | {raw:,} | {first:,} | {whole:,} |")
    assert all(whole <= FIRST_ROUND_TRIP_BYTES for *_, whole in rows), rows


def allowed(csp, directive, element):
    digest = base64.b64encode(hashlib.sha256(element.string.encode()).digest()).decode()
    sources = dict(item.strip().split(" ", 1) for item in csp.split(";"))[directive]
    return f"'sha256-{digest}'" in sources.split()


def test_style_and_scripts_are_inline_and_allowed_by_their_hashes(each_production):
    for path in each_production.paths():
        page = each_production.page(path)
        csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        styles = page.find_all("style")  # the site's, and the search page its own
        assert styles and all(allowed(csp, "style-src", style) for style in styles), path
        for script in page.find_all("script", type=lambda kind: kind != "application/ld+json"):
            assert not script.has_attr("src") and allowed(csp, "script-src", script), path
        assert "unsafe-inline" not in csp


def test_html_is_valid_by_the_nu_checker(each_production):
    files = [html_file(each_production.folder, path) for path in each_production.paths()]
    assert nu_checker_errors(files) == ""


def internal_targets(page):
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in page.find_all(tag, attrs={attribute: True}):
            url = element[attribute]
            if url.startswith(SITEURL + "/") or url.startswith("#"):
                yield url.removeprefix(SITEURL)


def test_internal_links_and_anchors_resolve(each_production):
    broken, ids = [], {}  # {path: its page's ids}, gathered once a page

    def has_id(path, anchor):
        if path not in ids:
            ids[path] = {element["id"] for element in each_production.page(path).find_all(id=True)}
        return anchor in ids[path]

    for path in each_production.paths():
        for url in internal_targets(each_production.page(path)):
            target, anchor = urldefrag(url)
            target_path = target or path
            if not html_file(each_production.folder, target_path).exists():
                broken.append(f"{path} links to {url}")
            elif anchor and not has_id(target_path, anchor):
                broken.append(f"{path} links to {url}: no such id")
    assert broken == []


def test_links_that_open_a_new_window_carry_noopener(each_production):
    # An editor's plain Markdown link ([IMY](https://www.imy.se/)) opens in the same tab and
    # needs nothing; a new window may otherwise reach back through window.opener.
    for path in each_production.paths():
        for link in each_production.page(path).find_all("a", target="_blank"):
            assert "noopener" in link.get("rel", []), (path, link)


def test_open_graph(each_production):
    for path in each_production.paths():
        page = each_production.page(path)

        def og(name, page=page):
            return page.find("meta", property=f"og:{name}")["content"]

        assert og("title") == page.title.string
        assert og("description") == page.find("meta", attrs={"name": "description"})["content"]
        assert og("url") == page.find("link", rel="canonical")["href"] == SITEURL + path
        assert og("locale") == "sv_SE"
        assert og("type") == ("article" if ARTICLE_ADDRESS.fullmatch(path) else "website"), path
        image = og("image").removeprefix(SITEURL)
        assert html_file(each_production.folder, image).stat().st_size > 0, path


def graph(site, path):
    [script] = site.page(path).find_all("script", type="application/ld+json")
    return {node["@type"]: node for node in json.loads(script.string)["@graph"]}


def test_every_page_describes_the_firm_in_json_ld(each_production):
    for path in each_production.paths():
        nodes = graph(each_production, path)
        assert nodes["Organization"]["@id"] == f"{SITEURL}/#epm", path
        if "BreadcrumbList" in nodes:
            items = nodes["BreadcrumbList"]["itemListElement"]
            assert items[0]["item"] == f"{SITEURL}/" and items[-1]["item"] == SITEURL + path


EXPECTED_TYPES = {
    "/": {"Organization"},
    "/404.html": {"Organization"},
    "/kontakt/": {"Organization", "ContactPage", "BreadcrumbList"},
    ARTICLE: {"Organization", "Article", "BreadcrumbList"},
    "/artiklar/att-valja-coach/": {"Organization", "Article", "BreadcrumbList"},
}


@pytest.mark.parametrize("path", SITE_MAP)
def test_structured_data_types(fixture_production, path):
    expected = EXPECTED_TYPES.get(path, {"Organization", "BreadcrumbList"})
    if re.fullmatch(r"/tjanster/[a-z-]+/", path):
        expected = {"Organization", "Service", "BreadcrumbList"}
    if re.fullmatch(r"/coacher/[a-z-]+/", path):
        expected = {"Organization", "Person", "BreadcrumbList"}
    assert set(graph(fixture_production, path)) == expected


def test_article_and_service_data(fixture_production):
    article = graph(fixture_production, ARTICLE)["Article"]
    assert article["headline"] == "Ledarskap i förändring"
    assert article["author"] == {
        "@type": "Person",
        "name": "Anna Berg",
        "@id": f"{SITEURL}/coacher/anna-berg/#person",
        "url": f"{SITEURL}/coacher/anna-berg/",
    }
    assert article["datePublished"].startswith("2026-10-01")
    assert article["dateModified"].startswith("2026-10-01")
    assert article["inLanguage"] == "sv"
    service = graph(fixture_production, "/tjanster/teamcoaching/")["Service"]
    assert service["name"] == "Teamcoaching"
    assert service["provider"] == {"@id": f"{SITEURL}/#epm"}
    assert service["areaServed"] == {"@type": "Country", "name": "Sverige"}


def test_security_headers_file(fixture_production):
    # The readers' block; /admin/* has its own (tests/built/test_cms_config.py).
    headers = (fixture_production.folder / "_headers").read_text().split("\n\n")[0]
    assert headers.startswith("/*\n")
    fields = dict(line.strip().split(": ", 1) for line in headers.splitlines()[1:])
    csp = dict(d.split(" ", 1) for d in fields["Content-Security-Policy"].split("; "))
    assert csp["default-src"] == "'none'"
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", csp["style-src"])
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", csp["script-src"])
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
    meta = fixture_production.page("/").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )
    assert meta["content"] == fields["Content-Security-Policy"].replace(
        "; frame-ancestors 'none'", ""
    )


def test_no_web_fonts_and_nothing_loaded_from_other_origins(each_production):
    # What a page loads (src, srcset, <link href>), not where its links lead.
    for path in each_production.paths():
        page = each_production.page(path)
        assert "@font-face" not in str(page) and "@import" not in str(page)
        loaded = [tag.get("src") for tag in page.find_all(src=True)]
        loaded += [tag["href"] for tag in page.find_all("link", href=True)]
        loaded += [
            url.split()[0] for tag in page.find_all(srcset=True) for url in tag["srcset"].split(",")
        ]
        for url in loaded:
            if url.startswith(("http://", "https://")):
                assert urlsplit(url).netloc == urlsplit(SITEURL).netloc, (path, url)
