"""The site's one Markdown: CommonMark + GFM, as GitHub's preview shows it, plus the few
things the site does on purpose. The CMS's preview pane renders with markdown-it, which
markdown-it-py ports, and mirrors each rule below (plugins/admin/admin.js): change both.

`markdown_parser()` is used by the reader (the pages), the content checks (heading ids,
raw HTML, images) and the conformance test, so all three read a file the same way.

On top of markdown-it-py's "gfm-like" preset (tables, strikethrough, autolinks):
- footnotes and task lists (mdit-py-plugins), as in GFM;
- heading ids made by Python-Markdown's toc slugify, so the ids of the migrated headings,
  and the links and contents lists that use them, stay as they were;
- Swedish typography: ”…” and ’…’ (the same mark at both ends), – for --, … for ...
  (and nothing else: no ©, ±, em dash);
- `{.section-link}` on the line above a block gives it a class (only `class`: an
  editor's attribute can never be a script or a style);
- `{filename}`/`{static}`/`{attach}` links keep their braces for Pelican to resolve;
- a table scrolls inside its own box on a phone, and column alignment is a class, as
  the site's Content-Security-Policy allows no style attributes;
- a list stays tight (no paragraph in each item) when its only blank lines are those right
  before a nested list: the CMS's rich-text editor writes every nested list that way
  (`* a` ⏎⏎ `  * b` ⏎ `* c`) and shows it tight, where CommonMark makes it loose, spaced
  out like paragraphs. A blank line anywhere else in a list keeps it loose.
"""

import re
from functools import cache, lru_cache
from itertools import pairwise

from markdown.extensions.toc import slugify
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

SWEDISH_QUOTES = "””’’"  # double open, double close, single open, single close
EN_DASH = re.compile(r"(?<!-)--(?!-)")  # not --- (a rule, a table's delimiter)
ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
# Any {word} that starts a link: Pelican resolves the ones it knows and warns (fatally)
# about the others, as it did with Python-Markdown.
PELICAN_PLACEHOLDER = re.compile(r"^%7B(\w+)%7D")
LIST_OPENS = ("bullet_list_open", "ordered_list_open")
BLANK = re.compile(r"[ \t>]*")  # empty, also inside a block quote
TABLE_BOX = '<div class="table-scroll" role="region" aria-label="Tabell" tabindex="0">\n'
FOOTNOTE_BACK_CLASS = 'class="footnote-backref" aria-label="Tillbaka till texten"'


def heading_slug(title: str) -> str:
    """The id of a heading titled `title`: Python-Markdown's toc slugify (ASCII, lower
    case, words joined by '-'), which made the ids links already point to."""
    return slugify(title, "-")


@lru_cache(maxsize=4096)
def parsed(text: str) -> tuple[list, dict]:
    """(tokens, env) of the Markdown `text`, parsed once per process: the content checks
    and the proofreading read every file, and live reload reads them again on every save,
    so an unchanged file is not parsed again. Shared: read them, never change them."""
    env = {}
    return markdown_parser().parse(text, env), env


@lru_cache(maxsize=4096)
def rendered(text: str) -> str:
    """The HTML of the Markdown `text`, rendered once per process: live reload reads
    every file again on each save, and only the saved one has changed. From `parsed`'s
    tokens: the content checks have parsed the same text before Pelican reads it."""
    md = markdown_parser()
    tokens, env = parsed(text)
    return md.renderer.render(tokens, md.options, env)


@cache
def markdown_parser() -> MarkdownIt:
    """A MarkdownIt for the site's Markdown; `.render(text)` gives the page's HTML."""
    md = MarkdownIt("gfm-like", {"typographer": True, "quotes": SWEDISH_QUOTES, "xhtmlOut": False})
    md.enable("smartquotes")
    # Our own rule, not markdown-it's "replacements": that also makes (c) ©, +- ±, ,, ,
    # and --- an em dash, none of which Swedish prose wants ("(c)" is a list label).
    md.core.ruler.push("dashes", _dashes_and_ellipses)
    md.linkify.set({"fuzzy_link": False})  # GFM links www.… and http…, not bare "epm.se"
    md.linkify.add("www.", {"validate": _www_length(md.linkify), "normalize": _with_http})
    md.use(footnote_plugin).use(tasklists_plugin, label=True)  # the item's text names its box
    md.use(anchors_plugin, min_level=1, max_level=6, slug_func=heading_slug)
    md.use(attrs_block_plugin, allowed=["class"])
    md.normalizeLink = _keeping_placeholders
    md.core.ruler.push("alignment_classes", _alignment_classes)
    md.core.ruler.push("tight_before_nested_lists", _tight_before_nested_lists)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    md.add_render_rule("footnote_anchor", _labelled(md.renderer.rules["footnote_anchor"]))
    return md


def _dashes_and_ellipses(state):
    """-- is the Swedish dash (tankstreck) –, ... is …; text in code is left alone."""
    for token in state.tokens:
        if token.type == "inline" and ("--" in token.content or "..." in token.content):
            for child in token.children:
                if child.type == "text":
                    child.content = ELLIPSIS.sub("…", EN_DASH.sub("–", child.content))


def _www_length(linkify):
    rest = re.compile(
        "{src_domain}(?:\\.{src_domain})*{src_port}{src_host_terminator}{src_path}".format(
            **linkify.re
        ),
        re.IGNORECASE,
    )

    def validate(self, text, pos):
        match = rest.match(text, pos)
        return len(match.group(0)) if match else 0

    return validate


def _with_http(self, match):
    match.url = "http://" + match.url


def _keeping_placeholders(url):
    # markdown-it percent-encodes "{" and "}"; Pelican looks for "{filename}" in the HTML.
    return PELICAN_PLACEHOLDER.sub(r"{\1}", normalizeLink(url))


def _alignment_classes(state):
    for token in state.tokens:
        if token.type in ("th_open", "td_open") and (style := token.attrGet("style")):
            del token.attrs["style"]
            token.attrJoin("class", "align-" + style.removeprefix("text-align:"))


def _tight_before_nested_lists(state):
    """Marks a loose list's paragraphs hidden, as markdown-it marks a tight list's, when
    every blank line that made it loose stands right before a nested list (CommonMark 0.31.2,
    5.3: "loose if any of its constituent list items are separated by blank lines, or if
    any of its constituent list items directly contain two block-level elements with a
    blank line between them")."""
    lines = None
    for index, token in enumerate(state.tokens):
        if token.type in LIST_OPENS and _is_loose(state.tokens, index):
            lines = lines or state.src.split("\n")
            items = _items(state.tokens, index)
            if _blank_lines_only_before_nested_lists(items, lines):
                for paragraph in _paragraphs(state.tokens, index):
                    paragraph.hidden = True


def _list_tokens(tokens, index):
    """The tokens inside the list that opens at tokens[index]."""
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.level == level:  # its close
            return
        yield token


def _paragraphs(tokens, index):
    level = tokens[index].level + 2  # list > item > paragraph
    return [
        token
        for token in _list_tokens(tokens, index)
        if token.level == level and token.type in ("paragraph_open", "paragraph_close")
    ]


def _is_loose(tokens, index):
    return any(token.nesting == 1 and not token.hidden for token in _paragraphs(tokens, index))


def _items(tokens, index):
    """[(list_item_open, [its blocks])] of the list that opens at tokens[index]."""
    level, items = tokens[index].level, []
    for token in _list_tokens(tokens, index):
        if token.level == level + 1 and token.type == "list_item_open":
            items.append((token, []))
        elif token.level == level + 2 and token.nesting >= 0 and token.map:
            items[-1][1].append(token)
    return items


def _blank_lines_only_before_nested_lists(items, lines):
    def blank_between(first, line_after):
        # from the first block's last line: a nested list takes the blank line after it
        return any(BLANK.fullmatch(line) for line in lines[first.map[1] - 1 : line_after])

    found = False
    for number, (item, blocks) in enumerate(items, 1):
        if number < len(items) and BLANK.fullmatch(lines[item.map[1] - 1]):
            return False  # items apart
        for before, after in pairwise(blocks):
            if blank_between(before, after.map[0]):
                if after.type not in LIST_OPENS:
                    return False
                found = True
    return found


def _table_open(self, tokens, idx, options, env):
    return TABLE_BOX + self.renderToken(tokens, idx, options, env)


def _table_close(self, tokens, idx, options, env):
    return self.renderToken(tokens, idx, options, env) + "</div>\n"


def _labelled(footnote_anchor):
    """The footnote's way back ("↩︎") with a name a screen reader says in Swedish."""

    def render(self, tokens, idx, options, env):
        html = footnote_anchor(tokens, idx, options, env)
        return html.replace('class="footnote-backref"', FOOTNOTE_BACK_CLASS)

    return render
