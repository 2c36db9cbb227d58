"""The search as built (plugins/site_search, theme/templates/search.html), read from the
fixture site's production build: what is indexed, what the search page holds without
JavaScript, and that no other page carries anything of the search."""

import json
import re

from conftest import (
    FIXTURE_CONTENT,
    PRODUCTION_ENV,
    SETTINGS,
    build,
    build_or_fail,
    html_file,
    parse,
)
from site_copy import article, write_site

SEARCH = "/sok/"
# The fixture site's published, listed reading pages: not the hidden service, the draft
# article, the 404 and thank-you pages (noindex), the start page or the search page.
INDEXED = 11


def meta_policy(site, path):
    meta = site.page(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return dict(item.strip().split(" ", 1) for item in meta["content"].split(";"))


def test_only_the_reading_pages_are_indexed(fixture_production):
    entry = json.loads((fixture_production.folder / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == [SETTINGS["DEFAULT_LANG"]]  # Swedish stemming
    assert entry["languages"]["sv"]["page_count"] == INDEXED


def test_only_what_the_search_page_loads_is_published(fixture_production):
    bundle = fixture_production.folder / "pagefind"
    names = {file.name for file in bundle.iterdir()}
    assert {"pagefind.js", "pagefind-worker.js", "wasm.sv.pagefind", "index", "fragment"} <= names
    assert not [name for name in names if "-ui" in name or "unknown" in name]


def test_without_javascript_the_search_page_lists_everything(fixture_production):
    page = fixture_production.page(SEARCH)
    form = page.find("form", role="search")
    # GET, the default, which the minifier leaves out
    assert (form.get("method", "get"), form["action"]) == (
        "get",
        f"{fixture_production.url}{SEARCH}",
    )
    assert form.find("input", type="search")["name"] == "q"
    assert page.find("label", string="Sök på webbplatsen")
    listed = [a["href"] for a in page.select("[data-search-fallback] a")]
    assert listed == [
        *(
            f"{fixture_production.url}/artiklar/{slug}/"
            for slug in ("att-valja-coach", "ledarskap-i-forandring")
        ),
        *(
            f"{fixture_production.url}/tjanster/{slug}/"
            for slug in ("styrelsecoaching", "teamcoaching", "karriarcoaching")
        ),
        *(
            f"{fixture_production.url}/coacher/{slug}/"
            for slug in ("anna-berg", "therese-m-sandberg")
        ),
        *(f"{fixture_production.url}/kundcase/{slug}/" for slug in ("ledningsgruppen", "ny-vd")),
        *(f"{fixture_production.url}/{slug}/" for slug in ("integritet", "kontakt")),
    ]
    assert "JavaScript" in page.find("noscript").get_text()


def test_with_many_articles_the_list_shows_the_newest_and_links_to_all(tmp_path):
    """At 300 articles /sok/ listed all 300 before any search (and 311 Tab stops)."""
    shown = SETTINGS["SEARCH_FALLBACK_ARTICLES"]
    newer = {
        f"nytt-{n}.md": article(f"Nytt {n}").replace("2026-11-20", f"2026-12-{n:02d}")
        for n in range(1, shown + 1)
    }
    page = parse(
        build_or_fail("pelican.conf.py", tmp_path / "out", write_site(tmp_path, newer)), SEARCH
    )
    articles = page.select_one("[data-search-fallback] h3 + ul")
    listed = [a["href"] for a in articles.select("a")]
    assert listed == [f"/artiklar/nytt-{n}/" for n in range(shown, 0, -1)]
    more = articles.find_next_sibling("p").a
    assert (more["href"], more.get_text()) == ("/artiklar/", f"Alla {shown + 2} artiklar, efter år")


def test_only_the_search_page_may_run_pagefind(fixture_production):
    search = meta_policy(fixture_production, SEARCH)
    assert search["script-src"].startswith("'self' 'wasm-unsafe-eval' 'sha256-")
    assert search["worker-src"] == "'self'"
    site = meta_policy(fixture_production, "/kontakt/")
    assert "'self'" not in site["script-src"] and "worker-src" not in site
    others = [path for path in fixture_production.paths() if path != SEARCH]
    assert len(others) > 10
    for path in others:
        assert meta_policy(fixture_production, path) == site, path
        assert "pagefind" not in fixture_production.page(path).decode(), path


def test_a_page_without_search_is_as_without_the_search_but_for_its_link(
    tmp_path, fixture_production
):
    """The search adds its menu link to the other pages and nothing else: they are byte for
    byte a build's without the link."""
    links = [link for link in SETTINGS["MENU_LINKS"] if link[1] != SEARCH.lstrip("/")]
    overrides = {"MENU_LINKS": links}
    result = build("publishconf.py", tmp_path, FIXTURE_CONTENT, overrides, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    link = re.compile(
        rf"<li><a href={re.escape(fixture_production.url)}/sok/( aria-current=\w+)?>Sök</a>"
    )
    others = [path for path in fixture_production.paths() if path != SEARCH]
    for path in others:
        with_search = html_file(fixture_production.folder, path).read_text("utf-8")
        without = html_file(tmp_path, path).read_text("utf-8")
        assert link.sub("", with_search) == without, path


def test_on_a_host_with_headers_the_search_and_its_worker_have_their_own_policy(
    fixture_production,
):
    rules = (fixture_production.folder / "_headers").read_text("utf-8").split("\n\n")
    for path in ("/sok/*", "/pagefind/*"):
        [rule] = [rule for rule in rules if rule.startswith(path + "\n")]
        detach, header = rule.splitlines()[1:3]
        # A host joins every matching rule's headers; the site's must not apply too.
        assert detach.strip() == "! Content-Security-Policy"
        policy = dict(item.strip().split(" ", 1) for item in header.split(": ", 1)[1].split(";"))
        assert "'wasm-unsafe-eval'" in policy["script-src"].split(), path
