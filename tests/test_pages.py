"""Every page of the site map exists, is Swedish, and carries what readers and search need."""

import pytest

SITE_MAP = [
    "/",
    "/artiklar/",
    "/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/",
    "/tjanster/",
    "/tjanster/business-coaching/",
    "/tjanster/executive-coaching/",
    "/tjanster/prestationscoaching/",
    "/tjanster/kompetenscoaching/",
    "/kontakt/",
    "/kontakt/tack/",
    "/integritet/",
    "/404.html",
]


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


def test_titles_and_descriptions_are_unique(page_of):
    pages = [page_of(path) for path in SITE_MAP]
    titles = [page.title.string for page in pages]
    descriptions = [page.find("meta", attrs={"name": "description"})["content"] for page in pages]
    assert len(set(titles)) == len(SITE_MAP)
    assert len(set(descriptions)) == len(SITE_MAP)


def test_landing_page_is_a_company_front_page(page_of):
    start = page_of("/")
    assert start.find(class_="eyebrow").get_text(strip=True) == "Ledarkvaliteter"
    assert start.h1.get_text(strip=True) == "Executive Coaching gör dig till en bättre ledare"
    service_links = [a["href"] for a in start.select(".cards a")]
    assert service_links == [
        "/tjanster/executive-coaching/",
        "/tjanster/business-coaching/",
        "/tjanster/prestationscoaching/",
        "/tjanster/kompetenscoaching/",
    ]
    assert start.find("a", href="/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/")
    assert start.find("form", class_="contact-form")


def test_navigation_marks_the_current_section(page_of):
    def current(path):
        return [a.get_text(strip=True) for a in page_of(path).select(".site-nav [aria-current]")]

    assert current("/") == []
    assert current("/tjanster/") == ["Tjänster"]
    assert current("/tjanster/business-coaching/") == ["Tjänster"]
    assert current("/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/") == ["Artiklar"]
    assert current("/kontakt/") == ["Kontakt"]
    assert page_of("/tjanster/").select_one(".site-nav [aria-current]")["aria-current"] == "page"


def test_no_page_that_nobody_designed(site):
    for unwanted in (
        "author",
        "authors.html",
        "category",
        "categories.html",
        "tag",
        "tags.html",
        "archives.html",
        "feeds",
    ):
        assert not (site / unwanted).exists(), unwanted


def test_every_html_file_is_in_the_site_map(site):
    built = {
        "/" + str(path.relative_to(site)).replace("index.html", "") for path in site.rglob("*.html")
    }
    assert built == set(SITE_MAP)


def test_feed_sitemap_robots_and_favicon_exist(site):
    for name in ("artiklar/atom.xml", "sitemap.xml", "robots.txt", "theme/favicon.svg"):
        assert (site / name).stat().st_size > 0, name


def test_services_overview_lists_services_in_editor_order(page_of):
    titles = [a.get_text(strip=True) for a in page_of("/tjanster/").select(".cards a")]
    assert titles == [
        "Executive Coaching & Mentoring",
        "Business coaching och mentorskap",
        "Prestationscoaching och mentorskap",
        "Kompetenscoaching och mentorskap",
    ]


def test_article_has_byline_date_reading_time_and_contents(page_of):
    article = page_of("/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/")
    byline = article.find(class_="byline").get_text(" ", strip=True)
    assert "Skriven av Therése M. Sandberg" in byline
    assert article.find("time")["datetime"] == "2026-11-26"
    assert article.find("time").get_text() == "26 november 2026"
    assert "min läsning" in byline
    contents = [(a["href"], a.get_text()) for a in article.select(".toc a")]
    assert contents[0] == (
        "#likheter-mellan-coaching-och-mentorskap",
        "Likheter mellan coaching och mentorskap",
    )
    assert len(contents) == 6
    for href, _ in contents:
        assert article.find(id=href[1:]), href


def test_article_links_to_every_service(page_of):
    article = page_of("/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/")
    links = {a["href"] for a in article.select(".prose a, aside .cards a")}
    for slug in (
        "business-coaching",
        "executive-coaching",
        "prestationscoaching",
        "kompetenscoaching",
    ):
        assert f"/tjanster/{slug}/" in links


@pytest.mark.parametrize(
    "slug", ["business-coaching", "executive-coaching", "prestationscoaching", "kompetenscoaching"]
)
def test_service_page_links_back_to_the_article_and_to_contact(page_of, slug):
    service = page_of(f"/tjanster/{slug}/")
    hrefs = {a["href"] for a in service.find_all("a")}
    assert "/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/" in hrefs
    assert service.select_one(".cta a")["href"] == "/kontakt/"


def test_footer_copyright(page_of):
    footer = page_of("/").find("footer").get_text(" ", strip=True)
    assert "EPM – Enterprise Performance Management" in footer
    assert "©" in footer


def test_404_links_home_with_site_root_urls(page_of):
    links = [a["href"] for a in page_of("/404.html").select("main a")]
    assert "/" in links and "/kontakt/" in links


def test_thank_you_and_404_are_not_indexed(page_of, site):
    for path in ("/kontakt/tack/", "/404.html"):
        assert page_of(path).find("meta", attrs={"name": "robots"})["content"] == "noindex"
    sitemap = (site / "sitemap.xml").read_text()
    assert "kontakt/tack" not in sitemap and "404" not in sitemap
