"""What an editor sees in the CMS's preview pane is what a reader gets: one article written
in /admin/ (Chromium, decap-server on a temporary copy of the fixture site), its body typed
into the Markdown editor's raw mode, the preview read from its frame, the copy built with
Pelican, and the two reduced to the same tree of elements.

The tree keeps each element's name, in order and nesting; attributes and text are left out,
and so are the few differences that are deliberate (see `structure`). What the preview
cannot show yet, a footnote, is a test of its own that is expected to fail, so the
difference stays in sight instead of being hidden."""

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from cms_session import CONTENT, cms_tab, copy_of_fixture_site, open_entry, publish
from conftest import build_or_fail, parse

TITLE = "Förhandsvisningen"
ADDRESS = ["EPM Coaching AB", "Storgatan 1", "111 22 Stockholm"]
NOTE = "Se till exempel ICF:s studier."
# Each thing the site's Markdown does: `\` and two-space hard breaks, lists nested as the
# CMS's rich-text editor writes them (2 spaces under "* ", 3 under "1. "), a GFM table with
# aligned columns, a footnote, a quote, links to a service and out, an image, strikethrough.
DOCUMENT = f"""\
## Adress och kontakt

{ADDRESS[0]}\\
{ADDRESS[1]}\\
{ADDRESS[2]}

Ring oss gärna,{"  "}
vi svarar på vardagar.

### Så går det till

* Första samtalet
  * Vi lyssnar
  * Vi frågar
* Uppföljning

1. Boka en tid
   - Per telefon
   - Per e-post
2. Träffas

| Tjänst | Timmar | Pris |
|:--|:-:|--:|
| Teamcoaching | 10 | 12 000 kr |
| Styrelsecoaching | 6 | 9 000 kr |

Coachingen bygger på forskning[^1].

> Det bästa samtalet är det som blir av.

Läs om [teamcoachingen]({{filename}}../services/teamcoaching.md) eller på \
[ICF:s webbplats](https://coachingfederation.org/).

![Två personer i samtal]({{static}}/images/samtal.png)

Priset ~~15 000 kr~~ gäller inte längre.

[^1]: {NOTE}
"""

# The same element written two ways: remark writes GFM strikethrough as <del>,
# markdown-it as <s>.
SAME_ELEMENT = {"s": "del"}
# The site's own wrappers, on purpose: a table scrolls in its box on a phone
# (plugins/commonmark_reader), an image is a <picture> with its <source>s
# (plugins/content_images). Their contents count; they themselves do not.
SITE_WRAPPERS = ["div.table-scroll", "picture"]
SITE_EXTRAS = ["source"]
# The footnote, which the preview does not render (see the expected failure at the end):
# on the page a <sup> link and the notes after the text; in the preview the text keeps
# "[^1]" as typed (no element) and the note is a paragraph "[^1]: …".
PAGE_FOOTNOTE = ["sup.footnote-ref", "hr.footnotes-sep", "section.footnotes"]
PREVIEW_FOOTNOTE = ["p:-soup-contains('[^1]:')"]


def structure(container, leave_out=()):
    """The elements under `container` as an outline, one "  "-indented name a line.

    Decap previews an image alone on its line with its image editor component
    (decap-cms-editor-component-image), a bare <img>, where CommonMark has <p><img></p>;
    an editor sees the same picture, so a paragraph holding nothing but an image counts
    as the image, on both sides."""
    container = BeautifulSoup(str(container), "html5lib").body.contents[0]  # a copy
    for element in container.select(", ".join([*SITE_EXTRAS, *leave_out])):
        element.decompose()
    for element in container.select(", ".join(SITE_WRAPPERS)):
        element.unwrap()
    for paragraph in container.find_all("p"):
        only_an_image = [element.name for element in elements(paragraph)] == ["img"]
        if only_an_image and not paragraph.get_text(strip=True):
            paragraph.unwrap()

    def outline(element, depth):
        name = SAME_ELEMENT.get(element.name, element.name)
        yield "  " * depth + name
        for child in elements(element):
            yield from outline(child, depth + 1)

    return [line for child in elements(container) for line in outline(child, 0)]


def elements(tag):
    return tag.find_all(True, recursive=False)


def same_trees_or_say_so(preview, page):
    assert preview == page, (
        "The preview and the page differ.\n\npreview:\n"
        + "\n".join(preview)
        + "\n\npage:\n"
        + "\n".join(page)
    )


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    return copy_of_fixture_site(tmp_path_factory.mktemp("cms-preview-repository"))


@pytest.fixture(scope="module")
def cms(browser, repository, tmp_path_factory):
    with cms_tab(browser, repository, tmp_path_factory.mktemp("cms-preview-site")) as page:
        yield page


def type_markdown(cms, markdown):
    """Into the body's editor in its Markdown (raw) mode, as an editor who writes Markdown."""
    # The body's toolbar: "Rich Text" [switch] "Markdown".
    cms.get_by_text("Markdown", exact=True).locator("..").get_by_role("switch").click()
    expect(cms.get_by_role("button", name="Fetstil")).to_be_disabled()  # raw mode
    cms.locator("[data-slate-editor]").click()
    for number, line in enumerate(markdown.splitlines()):
        if number:
            cms.keyboard.press("Enter")  # the raw editor's next line
        if line:
            cms.keyboard.insert_text(line)


@pytest.fixture(scope="module")
def article(cms, repository, tmp_path_factory):
    """The article written in the CMS: its body as the preview shows it, the saved file,
    and its body as the built page shows it."""
    open_entry(cms, "articles/new")
    cms.get_by_label("Rubrik", exact=True).fill(TITLE)
    cms.get_by_label("Sammanfattning").fill("Så visas texten.")
    type_markdown(cms, DOCUMENT)
    # The body's preview: the element holding its first heading. Once the last line shows,
    # the preview has rendered the whole text.
    body = cms.frame_locator("iframe").first.locator("div:has(> h2)")
    expect(body).to_contain_text(NOTE)
    preview = BeautifulSoup(body.evaluate("e => e.outerHTML"), "html5lib").body.div
    publish(cms)
    saved = repository / CONTENT / "articles" / "forhandsvisningen.md"
    output = tmp_path_factory.mktemp("output")
    build_or_fail("pelican.conf.py", output, repository / CONTENT)
    page = parse(output, "/artiklar/forhandsvisningen/").select_one("article .prose")
    return {"preview": preview, "saved": saved.read_text("utf-8"), "page": page}


def test_the_cms_saves_the_markdown_as_typed(article, cms):
    assert article["saved"].split("---", 2)[2].strip() == DOCUMENT.strip()
    assert cms.errors == []


def test_the_preview_has_the_elements_of_the_page_in_the_same_nesting(article):
    preview = structure(article["preview"], leave_out=PREVIEW_FOOTNOTE)
    page = structure(article["page"], leave_out=PAGE_FOOTNOTE)
    same_trees_or_say_so(preview, page)
    assert {"br", "li", "table", "blockquote", "a", "img", "h2", "h3", "del"} <= {
        line.strip() for line in page
    }


@pytest.mark.parametrize("side", ["preview", "page"])
def test_the_address_is_three_lines(article, side):
    (address,) = (p for p in article[side].find_all("p") if ADDRESS[0] in p.get_text())
    assert list(address.stripped_strings) == ADDRESS
    assert [e.name for e in elements(address)] == ["br", "br"]


@pytest.mark.parametrize("side", ["preview", "page"])
def test_the_lists_are_nested(article, side):
    body = article[side]
    assert [li.get_text(strip=True) for li in body.select("ul > li > ul > li")] == [
        "Vi lyssnar",
        "Vi frågar",
    ]
    assert [li.get_text(strip=True) for li in body.select("ol > li > ul > li")] == [
        "Per telefon",
        "Per e-post",
    ]


def test_the_table_has_the_same_rows_and_cells(article):
    def cells(body):
        (table,) = body.select("table")
        return [[cell.name for cell in row.select("th, td")] for row in table.select("tr")]

    assert cells(article["preview"]) == cells(article["page"]) == [["th"] * 3] + [["td"] * 3] * 2


# Decap's preview (decap-cms-widget-markdown 3.x) parses with remark-parse 6 without its
# footnotes option: "[^1]" and the line "[^1]: …" show as typed. Strict: once the preview
# renders footnotes this passes, fails as XPASS, and the footnote rules above can go.
@pytest.mark.xfail(
    strict=True,
    reason="the CMS preview shows `[^1]` and `[^1]: note` as typed; the page has a <sup> "
    "link and the notes after the text",
)
def test_a_footnote_is_a_footnote_in_the_preview_too(article):
    page = structure(article["page"])
    preview = structure(article["preview"])
    same_trees_or_say_so(preview, page)
    assert "[^1]" not in article["preview"].get_text()
