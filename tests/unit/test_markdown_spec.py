"""The site's Markdown against the examples of the CommonMark and GFM specs.

Guards the issue's bar: at least 95 % of all examples render as the spec says, and at least
90 % of each section editors meet every day, so a change of parser, plugin, option or
markdown-it-py version that breaks everyday Markdown fails here, with the examples named.

Data: tests/data/commonmark_spec.json, written by tests/data/extract_spec_examples.py from
the CommonMark spec 0.31.2 (github.com/commonmark/commonmark-spec, tag 0.31.2, spec.txt: all
652 examples) and the GFM spec 0.29-gfm (github.com/github/cmark-gfm, test/spec.txt: the 24
examples of its "(extension)" sections).

Both sides are compared as the spec's own test tool compares them: token by token, with
attributes sorted, character references as characters, `<br />` as `<br>`, and runs of white
space as one space (none next to a block tag; all of it kept inside <pre>). The rendered side
then loses the differences the site makes on purpose: heading ids, Swedish typography (” ’ –
…) and the table's scroll box and alignment classes. Any other difference is a failure.
"""

import json
import re
from collections import Counter, defaultdict
from functools import cache
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_model.markdown import markdown_parser

EXAMPLES = json.loads(
    (Path(__file__).parents[1] / "data" / "commonmark_spec.json").read_text(encoding="utf-8")
)
EVERYDAY = [
    "Lists",
    "List items",
    "Hard line breaks",
    "Soft line breaks",
    "Emphasis and strong emphasis",
    "Links",
    "Images",
    "Block quotes",
    "ATX headings",
    "Setext headings",
    "Fenced code blocks",
    "Indented code blocks",
    "Code spans",
    "Tables (extension)",
    "Paragraphs",
    "Autolinks",
]
# CommonMark examples whose bare URL or address GFM's autolink extension links, as GitHub,
# the CMS's preview (markdown-it) and the site do: they count in the overall figure, and the
# everyday "Autolinks" section is measured without them.
LINKED_BY_GFM = {602, 608, 611, 612}
# The tags of the spec's block-level HTML (its HTML block "type 6"), and pre.
BLOCK_TAG = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|"
    "header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|"
    "param|pre|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
SPACE_BY_BLOCK_TAG = re.compile(rf"\s*(</?(?:{BLOCK_TAG})\b[^>]*>)\s*")
# The site's Swedish typography, back to the ASCII the spec writes.
TYPOGRAPHY = str.maketrans({"”": '"', "’": "'", "–": "--", "…": "..."})


class Normaliser(HTMLParser):
    """HTML as a string of tokens; with `site`, without the site's deliberate differences.

    Python's own tokenizer rather than a tree (BeautifulSoup, html5lib): a tree builder
    closes, drops and moves tags, which would hide the very differences raw HTML shows.
    """

    def __init__(self, site):
        super().__init__()  # convert_charrefs: "&amp;", "&#35;" and "&quot;" come as characters
        self.site, self.tokens, self.in_pre, self.divs = site, [], False, []

    def normalised(self, html):
        self.feed(html)
        self.close()
        return SPACE_BY_BLOCK_TAG.sub(r"\1", "".join(self.tokens)).strip()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div":  # the table's scroll box goes, and later its </div>
            self.divs.append(self.site and attrs.get("class") == "table-scroll")
            if self.divs[-1]:
                return
        if self.site:
            attrs = {name: (value or "").translate(TYPOGRAPHY) for name, value in attrs.items()}
            if re.fullmatch("h[1-6]", tag):
                attrs.pop("id", None)
            if tag in ("th", "td") and attrs.get("class", "").startswith("align-"):
                # GFM's spec writes an alignment as align="…"; markdown-it's style, the site's class
                attrs["align"] = attrs.pop("class").removeprefix("align-")
        self.in_pre = self.in_pre or tag == "pre"
        pairs = "".join(f' {name}="{escape(value or "")}"' for name, value in sorted(attrs.items()))
        self.tokens.append(f"<{tag}{pairs}>")

    handle_startendtag = handle_starttag  # <br /> is <br>

    def handle_endtag(self, tag):
        if tag == "div" and self.divs and self.divs.pop():
            return
        self.in_pre = self.in_pre and tag != "pre"
        self.tokens.append(f"</{tag}>")

    def handle_data(self, data):
        data = data.translate(TYPOGRAPHY) if self.site else data
        self.tokens.append(escape(data if self.in_pre else re.sub(r"\s+", " ", data), False))

    def handle_comment(self, data):
        self.tokens.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.tokens.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.tokens.append(f"<![{data}]>")

    def handle_pi(self, data):
        self.tokens.append(f"<?{data}>")


def conforms(example):
    rendered = markdown_parser().render(example["markdown"])
    expected = Normaliser(site=False).normalised(example["html"])
    return Normaliser(site=True).normalised(rendered) == expected


@cache
def failures():
    """The numbers of the examples that do not render as the spec says, by section."""
    failed = defaultdict(list)
    for example in EXAMPLES:
        if not conforms(example):
            failed[example["section"]].append(example["number"])
    return failed


def by_section(failed):
    return "; ".join(f"{section}: {numbers}" for section, numbers in failed.items())


def test_the_examples_are_the_specs_examples():
    assert Counter(example["source"] for example in EXAMPLES) == {
        "commonmark-0.31.2": 652,
        "gfm": 24,
    }


def test_at_least_95_percent_of_all_examples_conform():
    passed = len(EXAMPLES) - sum(map(len, failures().values()))
    assert passed / len(EXAMPLES) >= 0.95, (
        f"{passed} of {len(EXAMPLES)} conform; failing: {by_section(failures())}"
    )


@pytest.mark.parametrize("section", EVERYDAY)
def test_at_least_90_percent_of_an_everyday_section_conforms(section):
    numbers = {e["number"] for e in EXAMPLES if e["section"] == section} - LINKED_BY_GFM
    total = len(numbers)
    failed = [number for number in failures().get(section, []) if number in numbers]
    assert total, f"no examples in {section!r}"
    assert (total - len(failed)) / total >= 0.90, (
        f"{section}: {total - len(failed)} of {total} conform; failing: {failed}"
    )


# What editors write every day, spelled out.


def render(markdown):
    return markdown_parser().render(markdown)


def test_a_backslash_at_the_end_of_a_line_is_a_line_break():
    assert render("one\\\ntwo\n") == "<p>one<br>\ntwo</p>\n"


def test_two_spaces_at_the_end_of_a_line_are_a_line_break():
    assert render("one  \ntwo\n") == "<p>one<br>\ntwo</p>\n"


def test_a_list_indented_by_two_spaces_is_nested():
    assert render("- a\n  - b\n") == "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"


def test_an_ordered_list_indented_by_three_spaces_is_nested():
    assert render("1. a\n   1. b\n") == "<ol>\n<li>a\n<ol>\n<li>b</li>\n</ol>\n</li>\n</ol>\n"


def test_a_gfm_table_is_a_table():
    assert render("| Namn | Pris |\n| --- | ---: |\n| Te | 25 kr |\n") == (
        '<div class="table-scroll" role="region" aria-label="Tabell" tabindex="0">\n'
        "<table>\n"
        '<thead>\n<tr>\n<th>Namn</th>\n<th class="align-right">Pris</th>\n</tr>\n</thead>\n'
        '<tbody>\n<tr>\n<td>Te</td>\n<td class="align-right">25 kr</td>\n</tr>\n</tbody>\n'
        "</table>\n"
        "</div>\n"
    )


# The CMS's rich-text editor writes a blank line before every nested list, and shows the list
# tight; CommonMark makes it loose (each item a paragraph, spaced out). The site keeps it tight.
CMS_NESTED_LISTS = [
    "* Ett\n\n  * a\n  * b\n* Två\n\n  * c\n",
    "1. Ett\n\n   * a\n   * b\n2. Två\n\n   * c\n",
]


@pytest.mark.parametrize("written", CMS_NESTED_LISTS)
def test_a_nested_list_as_the_cms_writes_it_is_as_tight_as_the_editor_shows_it(written):
    tight = written.replace("\n\n ", "\n ")
    assert render(written) == render(tight)
    assert "<p>" not in render(written)


@pytest.mark.parametrize(
    "written",
    [
        "* a\n\n* b\n",  # items apart
        "* a\n\n  b\n* c\n",  # two paragraphs in an item
        "* a\n\n  * b\n\n* c\n",  # items apart, after a nested list
        "* a\n  * b\n\n  c\n",  # a paragraph after a nested list
    ],
)
def test_a_list_with_any_other_blank_line_stays_loose(written):
    assert render(written).count("<p>") >= 2


def test_spec_example_109_differs_from_the_spec_by_its_paragraph_tags_alone():
    """Example 109 (`1.  foo` ⏎⏎ `    - bar`) is such a list (the only example the rule
    changed when it came, measured): the site drops its paragraph tags and nothing else."""
    assert failures()["Indented code blocks"] == [109]
    (example,) = [e for e in EXAMPLES if e["number"] == 109 and e["source"].startswith("common")]
    spec_without_paragraphs = Normaliser(site=False).normalised(
        example["html"].replace("<p>", "").replace("</p>", "")
    )
    assert Normaliser(site=True).normalised(render(example["markdown"])) == spec_without_paragraphs
