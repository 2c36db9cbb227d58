"""The search page in Chromium on a phone, on the fixture site's production build as its
host serves it (tests/production_site.py): Swedish inflections, what is never found, what
a result shows, the keyboard, accessibility, the bytes of a first search, and the page
without JavaScript."""

import re
from collections import Counter

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from bench.content import make_site
from conftest import AXE_OPTIONS, PRODUCTION_ENV, build_or_fail, html_file
from production_site import SITEURL, open_live
from tools.static_server import served_size

SEARCH = f"{SITEURL}/sok/"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True}
FIRST_SEARCH_BUDGET = 150_000  # B, what a first search may download (issue: Pagefind)


@pytest.fixture(scope="module")
def phone(browser, fixture_production):
    site, page, context = open_live(browser, fixture_production.folder, **PHONE)
    yield site, page, fixture_production
    context.close()


def search(page, query):
    """Type the query as a reader would; the hits' paths once the status says it is done."""
    page.goto(SEARCH)
    page.get_by_label("Sök på webbplatsen").fill(query)
    expect(page.get_by_role("status")).to_contain_text(f"”{query}”")
    return shown_hits(page)


def shown_hits(page):
    links = page.locator("[data-search-results] a")
    return [href.removeprefix(SITEURL) for href in links.evaluate_all("as => as.map(a => a.href)")]


def every_hit(page, query):
    """search(), then "Visa fler träffar" until the reader has seen every hit."""
    search(page, query)
    links = page.locator("[data-search-results] a")
    more = page.get_by_role("button", name="Visa fler träffar")
    while more.is_visible():
        shown = links.count()
        more.click()
        expect(links).not_to_have_count(shown)  # the next hits are in
    return shown_hits(page)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("samtalet", "/artiklar/ledarskap-i-forandring/"),  # the text says "samtal"
        ("beslutet", "/artiklar/att-valja-coach/"),  # "beslut"
        ("vägvalet", "/tjanster/karriarcoaching/"),  # "vägval"
        ("styrelsen", "/tjanster/styrelsecoaching/"),  # "styrelsens"
    ],
)
def test_a_swedish_word_finds_its_other_forms(phone, query, found):
    site, page, _ = phone
    assert found in search(page, query)
    assert site.errors == [] and site.elsewhere == []


@pytest.mark.parametrize(
    ("query", "never"),
    [
        ("medarbetarsamtal", "/tjanster/medarbetarsamtal/"),  # hidden
        ("klart", "/utkast/utkast-om-mentorskap/"),  # a draft: "TODO: skriv klart."
        ("flyttat", "/404.html"),  # noindex
        ("meddelande", "/kontakt/tack/"),  # noindex
    ],
)
def test_what_is_not_published_and_listed_is_never_found(phone, query, never):
    _, page, _ = phone
    assert never not in search(page, query)


def test_a_hit_shows_its_title_kind_and_marked_excerpt_and_is_announced(phone):
    _, page, _ = phone
    found = search(page, "teamcoaching")
    assert found[0] == "/tjanster/teamcoaching/"  # its title weighs more than a mention
    first = page.locator(".search-result").first
    expect(first.locator(".search-result__kind")).to_have_text("Tjänst")
    expect(first.get_by_role("heading", level=2)).to_have_text("Teamcoaching")
    expect(first.locator("mark").first).to_contain_text("teamcoaching", ignore_case=True)
    status = page.get_by_role("status")
    expect(status).to_have_text(f"{len(found)} träffar för ”teamcoaching”.")
    expect(page.locator("[data-search-fallback]")).to_be_hidden()


def test_the_button_for_more_hits_shows_only_when_there_are_more(phone):
    _, page, _ = phone
    page.goto(SEARCH)
    more = page.get_by_role("button", name="Visa fler träffar")
    expect(more).to_be_hidden()
    assert len(search(page, "teamcoaching")) <= 5
    expect(more).to_be_hidden()


def test_a_search_is_done_with_the_keyboard_alone(phone):
    _, page, _ = phone
    page.goto(SEARCH)
    field = page.get_by_label("Sök på webbplatsen")
    while not field.evaluate("field => field === document.activeElement"):
        page.keyboard.press("Tab")
    page.keyboard.type("samtalet")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("”samtalet”")
    page.keyboard.press("Tab")  # the button
    page.keyboard.press("Tab")  # the first hit
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{SITEURL}/artiklar/ledarskap-i-forandring/")


@pytest.fixture(scope="module")
def hundred_articles(browser, tmp_path_factory):
    """The fixture site with 100 articles (bench/content.py), built for production and
    opened on a phone: the firm's size in a few years."""
    folder = tmp_path_factory.mktemp("hundred")
    output = build_or_fail(
        "publishconf.py", folder / "output", make_site(folder, 100), **PRODUCTION_ENV
    )
    site, page, context = open_live(browser, output, **PHONE)
    yield site, page, output
    context.close()


def test_a_first_search_on_a_phone_downloads_at_most_150_kb(hundred_articles):
    site, page, output = hundred_articles
    page.goto(SEARCH, wait_until="load")
    site.fetched.clear()
    page.get_by_label("Sök på webbplatsen").fill("samtalet")
    expect(page.locator("[data-search-results] a")).to_have_count(5)  # of 100 hits
    paths = {path for _, path in site.fetched}
    assert "/pagefind/pagefind.js" in paths and "/pagefind/wasm.sv.pagefind" in paths
    downloaded = sum(served_size(html_file(output, path)) for path in paths)
    assert downloaded <= FIRST_SEARCH_BUDGET, sorted(paths)


def test_more_hits_are_shown_on_request_and_focus_moves_to_them(hundred_articles):
    _, page, _ = hundred_articles
    page.goto(SEARCH)
    page.get_by_label("Sök på webbplatsen").fill("coaching")
    hits = page.locator("[data-search-results] a")
    expect(hits).to_have_count(5)
    page.get_by_role("button", name="Visa fler träffar").click()
    expect(hits).to_have_count(10)
    expect(hits.nth(5)).to_be_focused()


def test_a_page_without_a_search_loads_nothing_of_it(phone):
    site, page, _ = phone
    site.fetched.clear()
    page.goto(SEARCH, wait_until="load")
    assert [path for _, path in site.fetched] == ["/sok/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_with_hits_shown(phone, scheme):
    _, page, _ = phone
    page.emulate_media(color_scheme=scheme)
    search(page, "coach")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_a_search_answers_with_everything_on_the_site(
    browser, fixture_production
):
    site, page, context = open_live(browser, fixture_production.folder, java_script_enabled=False)
    page.goto(SEARCH)
    page.get_by_label("Sök på webbplatsen").fill("samtal")
    page.get_by_role("button", name="Sök", exact=True).click()
    expect(page).to_have_url(f"{SEARCH}?q=samtal")
    fallback = page.locator("[data-search-fallback]")
    expect(fallback).to_be_visible()
    expect(fallback.get_by_role("link", name="Ledarskap i förändring")).to_be_visible()
    assert site.errors == []
    context.close()


@pytest.fixture(scope="module")
def real_phone(browser, real_production):
    site, page, context = open_live(browser, real_production.folder, **PHONE)
    yield site, page, real_production
    context.close()


def rarest_words(texts):
    """{key: the word of seven letters or more (any word in a text without one) that the
    fewest of the texts have}, for {key: text}: a word that finds its own text among few."""
    words = {}
    for key, text in texts.items():
        found = {word.lower() for word in re.findall(r"\w+", text) if word.isalpha()}
        words[key] = {word for word in found if len(word) >= 7} or found
    counts = Counter(word for found in words.values() for word in found)
    return {key: min(sorted(found), key=counts.__getitem__) for key, found in words.items()}


def test_real_articles_are_found_by_their_own_words(real_phone):
    """Every article in the browser sample (page_sample.py), by its rarest word. Pagefind
    finds a word's other forms too (skillnaden: skillnader), so the article may come after
    others that have them: the reader shows every hit."""
    site, page, built = real_phone
    articles = [path for path in built.paths() if re.fullmatch(r"/artiklar/[^/]+/", path)]
    assert articles
    rarest = rarest_words(
        {path: built.page(path).select_one(".prose").get_text(" ") for path in articles}
    )
    for path in sorted(set(articles) & set(built.browser_paths())):
        assert path in every_hit(page, rarest[path]), rarest[path]
    assert site.errors == []
