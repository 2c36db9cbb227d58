"""The theme on the fixture site (tests/fixtures/site/): every page type, with the exact
lists, orders and texts that the fixture's content makes."""

from urllib.parse import unquote

import pytest
from PIL import Image

from conftest import FIXTURE_DRAFTS as DRAFTS
from conftest import FIXTURE_SITE_MAP as SITE_MAP
from conftest import SETTINGS, build_or_fail, parse
from site_copy import article, write_site

ARTICLE = "/artiklar/ledarskap-i-forandring/"
# In `order:` (1, 2, 3), which is not the alphabetical order of the files.
SERVICES_IN_ORDER = [
    "/tjanster/styrelsecoaching/",
    "/tjanster/teamcoaching/",
    "/tjanster/karriarcoaching/",
]
NEXT = SETTINGS["CONTACT_FORM_FIELDS"]["redirect"]  # the form service's name for it


@pytest.fixture(scope="module")
def page_of(fixture_site):
    return fixture_site.page


@pytest.mark.parametrize("path", SITE_MAP)
def test_page_is_complete(page_of, path):
    page = page_of(path)
    assert page.html["lang"] == "sv"
    assert page.title.string.strip()
    assert len(page.find_all("h1")) == 1
    assert page.find("meta", attrs={"name": "description"})["content"].strip()
    assert page.find("link", rel="canonical")["href"].endswith(path)
    assert page.find("main", id="innehall")
    assert page.find("a", class_="skip-link")["href"] == "#innehall"


def test_exactly_the_content_and_the_lists_are_built(fixture_site):
    assert fixture_site.paths() == sorted(SITE_MAP + DRAFTS)


def test_titles_and_descriptions_are_unique(page_of):
    pages = [page_of(path) for path in SITE_MAP]
    titles = [page.title.string for page in pages]
    descriptions = [page.find("meta", attrs={"name": "description"})["content"] for page in pages]
    assert len(set(titles)) == len(SITE_MAP)
    assert len(set(descriptions)) == len(SITE_MAP)


def test_landing_page_shows_services_in_order_the_newest_article_and_the_form(page_of):
    start = page_of("/")
    assert start.find(class_="eyebrow").get_text(strip=True) == "Ledarskap"
    assert start.h1.get_text(strip=True) == "Testsajtens startsida"
    assert [a["href"] for a in start.select(".cards a")] == SERVICES_IN_ORDER
    teaser = start.select_one("#artikel-rubrik a")
    assert teaser["href"] == "/artiklar/att-valja-coach/"  # 15 November, newer than 1 October
    assert [a["href"] for a in start.select(".actions a")] == ["/kontakt/", "/tjanster/"]
    assert start.find("form", class_="contact-form")


def test_services_overview_follows_the_order_fields(page_of):
    overview = page_of("/tjanster/")
    assert [a["href"] for a in overview.select(".cards a")] == SERVICES_IN_ORDER
    description = overview.find("meta", attrs={"name": "description"})["content"]
    assert description == (
        "Coaching och mentorskap från EPM: Styrelsecoaching, Teamcoaching, Karriärcoaching."
    )


def test_article_list_is_newest_first_without_drafts(page_of):
    links = [a["href"] for a in page_of("/artiklar/").select(".teaser__title a")]
    assert links == ["/artiklar/att-valja-coach/", ARTICLE]


def test_navigation_marks_the_current_section(page_of):
    def current(path):
        return [a.get_text(strip=True) for a in page_of(path).select(".site-nav [aria-current]")]

    assert current("/") == []
    assert current("/tjanster/") == ["Tjänster"]
    assert current("/tjanster/teamcoaching/") == ["Tjänster"]
    assert current(ARTICLE) == ["Artiklar"]
    assert current("/kontakt/") == ["Kontakt"]
    assert page_of("/tjanster/").select_one(".site-nav [aria-current]")["aria-current"] == "page"


def test_no_page_that_nobody_designed(fixture_site):
    for unwanted in ("author", "authors.html", "category", "categories.html", "tag", "tags.html"):
        assert not (fixture_site.folder / unwanted).exists(), unwanted
    for unwanted in ("archives.html", "feeds"):
        assert not (fixture_site.folder / unwanted).exists(), unwanted


def test_feed_sitemap_robots_and_icons_exist(fixture_site):
    files = ["artiklar/atom.xml", "sitemap.xml", "robots.txt", "theme/favicon.svg"]
    for name in files:
        assert (fixture_site.folder / name).stat().st_size > 0, name
    with Image.open(fixture_site.folder / "theme/apple-touch-icon.png") as touch_icon:
        assert touch_icon.size == (180, 180) and touch_icon.mode == "RGB"  # iOS: no transparency
    # Every page carries the browser's icon itself (plugins/inline_assets): no request for it.
    icon = (fixture_site.folder / "theme/favicon.svg").read_text("utf-8").strip()
    for path in fixture_site.paths():
        page = fixture_site.page(path)
        href = page.find("link", rel="icon")["href"]
        assert "#" not in href and unquote(href.removeprefix("data:image/svg+xml,")) == icon
        assert page.find("link", rel="apple-touch-icon")["href"] == "/theme/apple-touch-icon.png"


def test_article_has_byline_date_reading_time_and_contents(page_of):
    article = page_of(ARTICLE)
    byline = article.find(class_="byline").get_text(" ", strip=True)
    assert "Skriven av Anna Berg" in byline
    assert article.find("time")["datetime"] == "2026-10-01"
    assert article.find("time").get_text() == "1 oktober 2026"
    assert "Lästid 1\xa0min" in byline
    contents = [(a["href"], a.get_text()) for a in article.select(".toc a")]
    assert contents == [("#riktning", "Riktning"), ("#stod", "Stöd")]
    for href, _ in contents:
        assert article.find(id=href[1:]), href


def test_article_shows_the_services_it_names_in_their_order(page_of):
    related = page_of(ARTICLE).select("aside .cards a")
    assert [a["href"] for a in related] == ["/tjanster/styrelsecoaching/", SERVICES_IN_ORDER[2]]
    assert not page_of("/artiklar/att-valja-coach/").select("aside .cards")


def test_service_names_the_articles_about_it_and_links_to_contact(page_of):
    service = page_of("/tjanster/styrelsecoaching/")
    articles = "#artiklar-rubrik ~ ul .teaser__title a"
    assert [a["href"] for a in service.select(articles)] == [ARTICLE]
    assert service.select_one("#artiklar-rubrik").text == "Artiklar om Styrelsecoaching"
    assert not service.select("#artiklar-rubrik ~ p a")  # one article: no "Alla artiklar"
    assert service.select_one(".cta a")["href"] == "/kontakt/"
    assert not page_of("/tjanster/teamcoaching/").select("#artiklar-rubrik")
    # A hidden service is in no list, but its page still names the article about it.
    hidden = page_of("/tjanster/medarbetarsamtal/")
    assert [a["href"] for a in hidden.select(articles)] == [ARTICLE]


# A page that lists articles lists the newest few and links to them all: at 300 articles a
# coach's page had listed all 300 (7 s of Tab stops a viewport in the WCAG test).
@pytest.mark.parametrize(
    ("setting", "front", "path"),
    [
        ("RELATED_ARTICLES_SHOWN", "services: [styrelsecoaching]\n", "/tjanster/styrelsecoaching/"),
        ("AUTHORED_ARTICLES_SHOWN", "", "/coacher/therese-m-sandberg/"),
    ],
    ids=["service", "coach"],
)
def test_a_page_with_many_articles_lists_the_newest_and_links_to_all(
    tmp_path, setting, front, path
):
    shown = SETTINGS[setting]
    newer = {
        f"nytt-{n}.md": article(f"Nytt {n}", front).replace("2026-11-20", f"2026-12-{n:02d}")
        for n in range(1, shown + 1)
    }
    content = write_site(tmp_path, newer)
    page = parse(build_or_fail("pelican.conf.py", tmp_path / "out", content), path)
    listed = [a["href"] for a in page.select("#artiklar-rubrik ~ ul .teaser__title a")]
    assert listed == [f"/artiklar/nytt-{n}/" for n in range(shown, 0, -1)]  # not the oldest
    assert [a["href"] for a in page.select("#artiklar-rubrik ~ p a")] == ["/artiklar/"]


def test_the_article_list_shows_the_newest_as_teasers_and_the_older_by_year(tmp_path):
    teasers = SETTINGS["ARTICLE_LIST_TEASERS"]
    dated = {  # with the fixture's two (2026-11-15, 2026-10-01): 2026 and 2025
        f"a-{n:02d}.md": article(f"Artikel {n}").replace(
            "2026-11-20", f"{2026 if n <= teasers else 2025}-09-{n:02d}"
        )
        for n in range(1, teasers + 3)
    }
    content = write_site(tmp_path, dated)
    page = parse(build_or_fail("pelican.conf.py", tmp_path / "out", content), "/artiklar/")
    shown = [a["href"] for a in page.select(".teaser__title a")]
    assert len(shown) == teasers and shown[:2] == ["/artiklar/att-valja-coach/", ARTICLE]
    years = [h.text for h in page.select("#aldre-rubrik ~ h3")]
    assert years == ["2026", "2025"]  # newest first, each an id the jump list links to
    assert [a["href"] for a in page.select("nav.years a")] == ["#ar-2026", "#ar-2025"]
    older = [a["href"] for a in page.select(".archive__link")]
    assert older[-2:] == ["/artiklar/a-12/", "/artiklar/a-11/"]  # 2025's, newest first
    assert len(shown) + len(older) == len(dated) + 2


def test_a_renamed_file_keeps_its_old_address(fixture_site, page_of):
    old = page_of("/artiklar/valj-coach/")
    refresh = old.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == "0; url=/artiklar/att-valja-coach/"
    assert "/artiklar/valj-coach/" not in fixture_site.paths()  # not a page of its own


def test_links_between_files_become_addresses(page_of):
    links = {a["href"] for a in page_of("/artiklar/att-valja-coach/").select(".prose a")}
    assert links == {"/tjanster/teamcoaching/", f"{ARTICLE}#stod", "/kontakt/"}


def test_contact_block_shows_the_contact_page_wherever_it_appears(page_of):
    for path in ("/", ARTICLE):
        block = page_of(path).select_one(".contact-block")
        assert block.h2.get_text() == "Hör av dig"
        assert "Skriv några rader, så svarar vi." in block.get_text()


def test_form_links_privacy_and_returns_to_thank_you(fixture_site, page_of):
    form = page_of("/kontakt/").find("form", class_="contact-form")
    assert form.select_one(".form-privacy a")["href"] == "/integritet/"
    redirect = form.find("input", attrs={"name": NEXT})["value"]
    assert redirect == fixture_site.url + "/kontakt/tack/"


def test_footer_names_the_firm(page_of):
    footer = page_of("/").find("footer").get_text(" ", strip=True)
    assert "© " in footer and "EPM – Enterprise Performance Management" in footer
    assert page_of("/").select_one(".site-footer nav a[href='/integritet/']")


def test_404_links_home_with_site_root_urls(page_of):
    links = [a["href"] for a in page_of("/404.html").select("main a")]
    assert "/" in links and "/kontakt/" in links


def test_noindex_pages_are_marked_and_left_out_of_the_sitemap(page_of, fixture_site):
    for path in ("/kontakt/tack/", "/404.html"):
        assert page_of(path).find("meta", attrs={"name": "robots"})["content"] == "noindex"
    sitemap = (fixture_site.folder / "sitemap.xml").read_text()
    assert "kontakt/tack" not in sitemap and "404" not in sitemap


def test_drafts_are_marked_in_the_preview(page_of):
    for path in DRAFTS:
        assert "Utkast" in page_of(path).find(class_="draft-note").get_text()


def test_a_draft_service_is_previewed_as_a_service(page_of):
    # As it will be published: the summary as lead text, the contact block at the end.
    draft = page_of("/utkast/framtida-tjanst/")
    assert (
        draft.select_one("article.service .lead").get_text() == "En tjänst som ännu inte är klar."
    )
    assert draft.select_one("article.service aside.cta")
