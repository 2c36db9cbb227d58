"""Who EPM is, as a reader sees it: the coaches (their pages, the bylines that link there,
the services that name them) and the client cases, on the fixture site, whose content the
tests own: two coaches (one with a photo and credentials, one with a name only) and two
cases (a named client with a quote, an anonymised one)."""

import json
import shutil

import pytest

from conftest import FIXTURE_CONTENT, PRODUCTION_ENV, SETTINGS, build_or_fail

ANNA = "/coacher/anna-berg/"
THERESE = "/coacher/therese-m-sandberg/"
CASES = ["/kundcase/ledningsgruppen/", "/kundcase/ny-vd/"]


def nodes(site, path):
    script = site.page(path).find("script", type="application/ld+json")
    return json.loads(script.string)["@graph"]


def node(site, path, kind):
    return next(n for n in nodes(site, path) if n["@type"] == kind)


def hrefs(tag):
    return [a["href"] for a in tag.find_all("a")]


def test_a_byline_links_to_its_authors_coach_page(fixture_site):
    byline = fixture_site.page("/artiklar/att-valja-coach/").select_one(".byline")
    assert byline.find("a", class_="byline__author")["href"] == THERESE
    assert byline.a.get_text() == "Therése M. Sandberg"


def test_a_coach_page_lists_their_published_articles_and_services(fixture_site):
    page = fixture_site.page(ANNA)
    articles = page.find(id="artiklar-rubrik").find_parent("section")
    # Anna Berg's draft (utkast-om-mentorskap) is not listed.
    assert hrefs(articles) == ["/artiklar/ledarskap-i-forandring/"]
    services = page.find(id="tjanster-rubrik").find_parent("aside")
    assert hrefs(services) == ["/tjanster/teamcoaching/"]


def test_a_coach_page_shows_credentials_languages_and_linkedin(fixture_site):
    facts = fixture_site.page(ANNA).select_one("dl.facts")
    shown = {
        dt.get_text(): [dd.get_text() for dd in dt.find_next_siblings("dd")] for dt in facts("dt")
    }
    assert shown["Certifieringar"][:2] == ["ICF PCC, 2019", "Diplomerad mentor"]
    assert shown["Coachar på"][0] == "svenska och engelska"
    assert facts.find("a")["href"] == "https://www.linkedin.com/in/anna-berg-exempel/"


def test_a_coach_without_facts_shows_only_what_is_known(fixture_site):
    page = fixture_site.page(THERESE)
    assert page.h1.get_text() == "Therése M. Sandberg"
    assert page.select_one("dl.facts") is None and page.find("picture") is None
    assert page.select_one(".profile__role") is None


def test_the_portrait_goes_through_the_image_pipeline(fixture_site):
    picture = fixture_site.page(ANNA).select_one(".profile__photo picture")
    img = picture.img
    assert img["alt"] == "Porträtt av Anna Berg"
    assert (img["width"], img["height"]) == ("600", "750")  # the original, never upscaled
    assert img["sizes"] == "15rem"
    assert picture.source["type"] == "image/avif"
    for candidate in img["srcset"].split(", "):
        url = candidate.split()[0]
        assert (fixture_site.folder / url.lstrip("/")).stat().st_size > 0, url
    assert not (fixture_site.folder / "images" / "anna-berg.jpg").exists()  # no original


def test_a_service_names_the_coaches_who_offer_it(fixture_site):
    note = fixture_site.page("/tjanster/teamcoaching/").select_one(".service__coaches")
    assert hrefs(note) == [ANNA]
    assert fixture_site.page("/tjanster/styrelsecoaching/").select_one(".service__coaches") is None


def test_each_coach_is_a_person_who_works_for_the_firm(fixture_production):
    origin = PRODUCTION_ENV["SITEURL"]
    anna = node(fixture_production, ANNA, "Person")
    assert anna["@id"] == f"{origin}{ANNA}#person"
    assert anna["worksFor"] == {"@id": f"{origin}/#epm"}
    assert anna["jobTitle"] == "Executive coach"
    assert anna["knowsLanguage"] == ["svenska", "engelska"]
    assert anna["hasCredential"][0] == {
        "@type": "EducationalOccupationalCredential",
        "name": "ICF PCC",
        "dateCreated": "2019",
    }
    assert anna["image"].startswith(f"{origin}/images/anna-berg-")
    assert anna["sameAs"] == ["https://www.linkedin.com/in/anna-berg-exempel/"]
    # Therése has no `role` (no confirmed role at EPM): a Person, nobody's employee.
    therese = node(fixture_production, THERESE, "Person")
    assert "worksFor" not in therese and "jobTitle" not in therese
    firm = node(fixture_production, "/", "Organization")
    assert firm["employee"] == [{"@id": f"{origin}{ANNA}#person"}]
    author = node(fixture_production, "/artiklar/att-valja-coach/", "Article")["author"]
    assert author["@id"] == f"{origin}{THERESE}#person"


def test_a_case_tells_its_story_and_how_cases_are_checked(fixture_site):
    page = fixture_site.page(CASES[0])
    assert page.select_one(".case__client").get_text() == "Kund: Exempelbolaget AB"
    headings = [h2.get_text() for h2 in page.select(".prose h2")]
    assert headings == ["Utmaningen", "Så arbetade vi", "Resultatet"]
    assert (
        len(page.select(".prose h2 + p, .prose h2 + p + p")) == 4
    )  # two paragraphs, then one each
    assert page.blockquote.get_text(strip=True) == "Vi pratar med varandra nu, inte förbi varandra."
    verification = SETTINGS["COMPANY"]["case_verification"]
    for path in (CASES[0], "/kundcase/"):
        assert verification in fixture_site.page(path).get_text(" "), path
    assert hrefs(fixture_site.page("/kundcase/").select_one(".cards")) == CASES
    assert fixture_site.page(CASES[1]).blockquote is None  # no quote, no empty one


def test_a_consent_date_is_never_published(fixture_production):
    consents = [
        line.split(":", 1)[1].strip()
        for case in (FIXTURE_CONTENT / "cases").glob("*.md")
        for line in case.read_text("utf-8").splitlines()
        if line.startswith("consent:")
    ]
    assert len(consents) == 2
    for file in fixture_production.folder.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".xml", ".txt", ".json", ""}:
            text = file.read_text("utf-8", errors="replace")
            assert not any(consent in text for consent in consents), file


def test_a_service_links_the_cases_that_illustrate_it(fixture_site):
    cases = fixture_site.page("/tjanster/teamcoaching/").find(id="kundcase-rubrik").parent
    assert hrefs(cases) == CASES
    karriar = fixture_site.page("/tjanster/karriarcoaching/").find(id="kundcase-rubrik").parent
    assert hrefs(karriar) == [CASES[1]]


def without_listed_cases(content, how):
    if how == "empty folder":
        for case in (content / "cases").glob("*.md"):
            case.unlink()
    else:
        for case in (content / "cases").glob("*.md"):
            text = case.read_text("utf-8")
            case.write_text(text.replace("order:", "status: hidden\norder:", 1), "utf-8")


@pytest.mark.parametrize("how", ["empty folder", "every case hidden"])
def test_no_cases_listed_means_no_list_page_and_no_link_to_one(tmp_path, how):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    without_listed_cases(content, how)
    output = build_or_fail("pelican.conf.py", tmp_path / "output", content)
    assert not (output / "kundcase" / "index.html").exists()
    for page in output.rglob("*.html"):
        assert 'href="/kundcase/"' not in page.read_text("utf-8"), page
    # A hidden case is still published, at its address, in no list.
    written = sorted(p.parent.name for p in (output / "kundcase").glob("*/index.html"))
    assert written == ([] if how == "empty folder" else ["ledningsgruppen", "ny-vd"])
