"""The real content/ holds to what any valid content holds to, whatever the editors wrote.

Nothing here names an article, a service or a sentence: what each page should be is worked
out from the files in content/ (their folder, name and front matter) and the settings.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from pelican.settings import read_settings

from conftest import PRODUCTION_ENV, REAL_CONTENT, ROOT
from forked_python import run_python
from site_model.addresses import file_slug
from site_model.checks.source import read_source
from site_model.kinds import content_kinds

SETTINGS = read_settings(str(ROOT / "pelican.conf.py"))
KINDS = content_kinds(SETTINGS)
SITEURL = PRODUCTION_ENV["SITEURL"]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass
class Entry:
    """One content file, as the build should treat it."""

    kind: str
    meta: dict
    path: str  # its site URL path: "/tjanster/x/"

    @property
    def status(self):
        return self.meta.get("status", "published")

    @property
    def listed(self):
        return self.status == "published"

    @property
    def indexed(self):
        return self.listed and "noindex" not in str(self.meta.get("robots", ""))


def address(kind, file, meta):
    if meta.get("status") == "draft":
        pattern = SETTINGS["DRAFT_URL" if kind == "article" else "DRAFT_PAGE_URL"]
    elif "save_as" in meta:
        return "/" + meta["save_as"].removesuffix("index.html")
    else:
        pattern = KINDS[kind].url
    slug = file_slug(file.stem, SETTINGS)
    return "/" + pattern.format(slug=slug)


def entries():
    found = []
    for kind, where in KINDS.items():
        for file in sorted((REAL_CONTENT / where.folder).rglob("*.md")):
            meta = read_source(file, str(file), kind)[0].meta  # as the content checks read it
            found.append(Entry(kind, meta, address(kind, file, meta)))
    return found


ENTRIES = entries()


def of_kind(kind, listed=True):
    return [e for e in ENTRIES if e.kind == kind and (e.listed or not listed)]


def newest_first(articles):
    return sorted(articles, key=lambda e: str(e.meta["date"]), reverse=True)  # ISO dates sort


def in_order(services):
    return sorted(services, key=lambda e: (e.meta["order"], Path(e.path).name))


# A kind's list exists when something of it is listed (plugins/content_kinds): no empty
# /kundcase/ while EPM has no cases.
LISTS = [
    "/" + kind.list_page.url for kind in KINDS.values() if kind.list_page and of_kind(kind.name)
]


def test_the_content_passes_its_checks():
    result = run_python(["-m", "invoke", "check-content", "--content", str(REAL_CONTENT)])
    assert result.returncode == 0, result.stderr
    assert "inga fel" in result.stdout


def test_every_file_has_its_page_in_the_preview(real_site):
    assert set(real_site.paths()) == {e.path for e in ENTRIES} | set(LISTS)


def test_production_has_every_page_but_the_drafts(real_production):
    published = {e.path for e in ENTRIES if e.status != "draft"}
    assert set(real_production.paths()) == published | set(LISTS)


def test_every_page_is_complete(real_site):
    for path in real_site.paths():
        page = real_site.page(path)
        assert page.html["lang"] == SETTINGS["DEFAULT_LANG"], path
        assert page.title.string.strip(), path
        assert len(page.find_all("h1")) == 1, path
        assert page.find("meta", attrs={"name": "description"})["content"].strip(), path
        assert page.find("link", rel="canonical")["href"].endswith(path), path
        assert page.find("a", class_="skip-link")["href"] == "#" + page.main["id"], path


def test_sitemap_lists_exactly_the_indexable_published_pages(real_production):
    tree = ET.parse(real_production.folder / "sitemap.xml")
    urls = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    assert urls == {SITEURL + e.path for e in ENTRIES if e.indexed} | {SITEURL + p for p in LISTS}


def test_feed_lists_the_newest_published_articles_up_to_its_limit(real_production):
    feed = ET.parse(real_production.folder / "artiklar" / "atom.xml")
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
    newest = newest_first(of_kind("article"))[: SETTINGS["FEED_MAX_ITEMS"]]
    assert links == [SITEURL + e.path for e in newest]


def test_article_list_is_newest_first(real_site):
    page = real_site.page(LISTS[0])
    links = [a["href"] for a in page.select(".teaser__title a, .archive__link")]
    assert links == [e.path for e in newest_first(of_kind("article"))]


def test_services_follow_their_order_fields_everywhere_they_are_listed(real_site):
    expected = [e.path for e in in_order(of_kind("service"))]
    for path in (LISTS[1], "/"):
        assert [a["href"] for a in real_site.page(path).select("main .cards a")] == expected, path


def test_start_page_shows_the_newest_article(real_site):
    articles = newest_first(of_kind("article"))
    teaser = real_site.page("/").select_one("#artikel-rubrik a")
    assert (teaser["href"] if teaser else None) == (articles[0].path if articles else None)


@pytest.mark.parametrize("article", of_kind("article"), ids=lambda e: e.path)
def test_article_shows_the_services_it_names(real_site, article):
    named = set(article.meta.get("services") or [])
    services = [e for e in in_order(of_kind("service")) if Path(e.path).name in named]
    shown = [a["href"] for a in real_site.page(article.path).select("aside .cards a")]
    assert shown == [e.path for e in services]


@pytest.mark.parametrize("service", of_kind("service"), ids=lambda e: e.path)
def test_service_lists_the_newest_articles_about_it(real_site, service):
    slug = Path(service.path).name
    about = [e for e in newest_first(of_kind("article")) if slug in (e.meta.get("services") or [])]
    assert_lists_the_newest(real_site.page(service.path), about, SETTINGS["RELATED_ARTICLES_SHOWN"])


def assert_lists_the_newest(page, articles, shown):
    """The page's "Artiklar …" block lists the newest `shown` of `articles`, then links to
    the article list when there are more."""
    listed = [a["href"] for a in page.select("#artiklar-rubrik ~ ul .teaser__title a")]
    assert listed == [e.path for e in articles[:shown]]
    more = page.select_one("#artiklar-rubrik ~ p a")
    assert (more["href"] if more else None) == (LISTS[0] if len(articles) > shown else None)


def test_pages_marked_noindex_say_so(real_production):
    for entry in ENTRIES:
        if entry.listed and not entry.indexed:
            robots = real_production.page(entry.path).find("meta", attrs={"name": "robots"})
            assert "noindex" in robots["content"], entry.path


@pytest.mark.parametrize("kind", [k for k in KINDS.values() if k.list_page], ids=lambda k: k.name)
def test_a_list_and_its_menu_entry_exist_exactly_when_something_is_listed(real_site, kind):
    url = "/" + kind.list_page.url
    menu = [a["href"] for a in real_site.page("/").select(".site-nav a")]
    expected = bool(of_kind(kind.name))
    assert (url in real_site.paths(), url in menu) == (expected, expected)


@pytest.mark.parametrize("article", of_kind("article"), ids=lambda e: e.path)
def test_the_byline_links_to_the_authors_coach_page(real_site, article):
    # The content checks require a coach page for every article's author.
    [coach] = [
        e for e in of_kind("coach", listed=False) if e.meta["title"] == article.meta["author"]
    ]
    assert real_site.page(article.path).select_one("a.byline__author")["href"] == coach.path


@pytest.mark.parametrize("coach", of_kind("coach", listed=False), ids=lambda e: e.path)
def test_a_coach_page_lists_the_newest_articles_they_wrote(real_site, coach):
    wrote = [e for e in newest_first(of_kind("article")) if e.meta["author"] == coach.meta["title"]]
    assert_lists_the_newest(real_site.page(coach.path), wrote, SETTINGS["AUTHORED_ARTICLES_SHOWN"])
