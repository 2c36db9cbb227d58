"""Swedish typography and clean addresses, on the fixture site and on the real content."""

import re

import pytest

from site_model.markdown import markdown_parser


@pytest.fixture(scope="module", params=["fixture", "real"])
def each_site(request):
    return request.getfixturevalue(f"{request.param}_site")


def test_markdown_writes_swedish_quotes_and_dashes():
    html = markdown_parser().render('Hon sa "gärna" och \'kanske\' -- inte "nej"... (c)')
    # (c) stays: in Swedish prose it is a list label, not ©.
    assert html == "<p>Hon sa ”gärna” och ’kanske’ – inte ”nej”… (c)</p>\n"


def test_typed_quotes_become_swedish_on_the_page(fixture_site):
    text = fixture_site.page("/artiklar/ledarskap-i-forandring/").select_one(".prose").get_text()
    assert "Hon sa ”gärna” – och menade det." in text


def test_no_english_quotation_marks(each_site):
    for page in each_site.folder.rglob("*.html"):
        html = page.read_text("utf-8")
        assert "“" not in html and "&ldquo;" not in html, page


def test_no_placeholder_is_published(each_site):
    for page in each_site.folder.rglob("*.html"):
        if "/utkast/" not in str(page):  # drafts may still have them
            assert not re.search(r"\bxxx\b|\bTODO\b", page.read_text("utf-8")), page


def test_addresses_are_ascii_slugs(each_site):
    for file in each_site.folder.rglob("*"):
        assert re.fullmatch(r"[a-z0-9./_-]+", str(file.relative_to(each_site.folder))), file
