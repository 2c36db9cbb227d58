r"""Checks on what a file's Markdown becomes: each construct is shown as the editor's preview
shows it, or refused here with its line and a fix. Nothing passes that readers see broken.

The file is parsed by the site's own Markdown (commonmark_reader), so the checks see
exactly the tokens the page is made of. What is refused, and why:
- raw HTML, except a few harmless inline tags (and the check boxes of a task list, which
  the Markdown makes, not the editor): an embed (iframe, script, video, …) is
  blocked by the site's Content-Security-Policy and shows as a blank box, other HTML is
  styled or laid out other than the CMS preview shows it (the page's policy drops its style);
- lines starting with a typed bullet ('•' from Word): Markdown shows them as one run-on
  paragraph, not a list;
- an image that is not in content/ (another site's address: the CSP blocks it) or not
  written with {static} (it is not published): readers get a broken image;
- a block class the theme does not style, or in the old '{: .x }' form: shown as text;
- a footnote without its note, or a note nothing refers to: shown as '[^1]', or lost;
- a task list item whose `[x]` is followed by a tab or the line's end: the page shows the
  item without its box (mdit-py-plugins draws one only after a space), the CMS as typed;
- a `\` left as text: the CMS's rich-text editor writes Shift+Enter as `\` at the line's
  end, which ends no line at the end of a paragraph, in a heading or before a list, and it
  escapes `_`, `[`, `~` in a pasted web address, which then links to another page
  (decap-cms #558, #572, #6707; found by a helper reading its serializer);
- a line of `===` or `---` right under text: a heading there (setext), where the editor
  saw a line of text and a rule;
- an ordered list whose numbers are not in order ("3." and, paragraphs later, "2024."):
  the page numbers it again ("4."), the CMS's editor showed them as typed;
- a link to a script or a local file (`javascript:`, `file:`, …): Markdown will not make
  it a link (nor does the CMS preview): shown as typed;
- a table row that is not in a table: the rich-text editor saves a table typed into it as
  one escaped paragraph a row (`\| Tjänst | Pris |`), and rows with blank lines between
  them, or without the `|---|` line, make no table either: shown as text with its `|`
  (an editor's walk in Decap 3.16.3);
- text the rich-text editor saves unescaped that Markdown reads as markup (a helper's hunt in
  Decap 3.16.3; it escapes `- # * > |` at a block's start, not these): a number and a dot
  first on a line ("2024. Ett år", also first in a list item) makes a list starting there,
  `+ ` a bullet list, a tab pasted first on a line a code box; bold, italics or
  strikethrough whose edge is punctuation next to a letter ("1900**\-talet**") shows its
  marks, and a `]` in a link's text ("Rapport \[PDF]") or a space in its address shows the
  link as brackets and an address.
"""

import re

from site_model.markdown import parsed

from .body import Prose
from .protocol import per_file_version

INLINE_HTML_ALLOWED = {"br", "sub", "sup"}  # without attributes: they cannot run or style
EMBEDS = {"iframe", "embed", "object", "video", "audio", "script", "form"}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
TYPED_BULLET = re.compile(r"^[ \t]*([•◦▪▫●○■□‣⁃∙·])[ \t\u00a0]")  # Word: "·" and no-break spaces
# The classes theme/static/css/site.css styles for an editor's block.
THEME_CLASSES = {"section-link"}
CLASS_LINE = re.compile(r"^[ \t]*\{(:?)([^}]*)\}[ \t]*$")
PELICAN_LINK = re.compile(r"^\{(static|attach|filename)\}")
UNREFERRED_NOTE = re.compile(r"\[\^([^\]\s]+)\]")
VISIBLE_BACKSLASH = (
    "ett '\\' syns på sidan här — ta bort det: CMS:et skriver '\\' för Skift+Enter, som "
    "inte blir en ny rad sist i ett stycke, i en rubrik eller före en lista, och i inklistrade "
    "webbadresser, som då leder fel (använd Enter för ett nytt stycke)"
)
UNDERLINED_HEADING = (
    "raden '{}' direkt under texten gör texten ovanför till en rubrik — lämna en tom rad "
    "före den om du menar en linje, eller skriv rubriken som '## Rubrik'"
)
STARTS_A_LIST = (
    "'{0}{1}' först på raden gör raden till en numrerad lista som börjar på {0} — skriv "
    "'{0}\\{1}' om det är text; en lista börjar med '1.' (eller fortsätter listan ovanför)"
)
PLUS_LIST = (
    "'+' först på raden gör raden till en punktlista — skriv '\\+' om det är ett plustecken, "
    "och '- ' för en punkt i en lista"
)
CODE_BOX = (
    "raden börjar med Tab eller fyra mellanslag och visas som kod, i en ruta med skrivmaskinsstil"
    " — ta bort indraget (kod skrivs mellan två rader ```)"
)
VISIBLE_MARKER = (
    "'{}' syns på sidan här: fetstil, kursiv eller överstrykning som börjar eller slutar vid ett "
    "skiljetecken intill en bokstav blir ingen ('1900**-talet**', '**Obs!**Läs') — lägg den "
    "runt hela ordet, eller ta bort den"
)
LINK_AS_TEXT = (
    "länken visas som text, med hakparenteser och adress: en ']' i länktexten eller ett "
    "mellanslag i adressen bryter den — ta bort hakparenteserna i länktexten (eller skriv "
    "'\\]'), och skriv '%20' för ett mellanslag i adressen"
)
# A pair of emphasis marks Markdown did not take as one ("**Obs!**Läs"): shown as typed.
# One mark alone ("5 ** 2", "500 kr**") is text on purpose.
UNPAIRED = re.compile(r"(\*+|~~)[^\s*~](?:[^*~]*[^\s*~])?\1")
LINK_SYNTAX = re.compile(r"(?<!\\)\]\(")  # "](", not written "\](" on purpose
TABLE_ROW = re.compile(r"^[ \t]*\\?\|.*\|[ \t]*$", re.MULTILINE)  # "| a |", escaped or not
TABLE_AS_TEXT = (
    "raden visas som text med sina '|', inte som en tabell — skriv tabellen i CMS:ets "
    "Markdown-läge (Rich Text-läget sparar varje rad som text), raderna direkt under "
    "varandra: '| Tjänst | Pris |', sedan '|---|--:|', sedan en rad per rad i tabellen"
)
# The addresses markdown-it will not link (its validateLink): shown as text, not a link.
UNSAFE_LINK = re.compile(
    r"(?<!!)\[[^\]\n]*\]\(\s*<?(javascript|vbscript|file|data)"
    r":(?!image/(?:gif|png|jpeg|webp);)",
    re.IGNORECASE,
)


@per_file_version
def check_markup(source, site):
    """Yield (line, message) for each construct of this file readers would not see as
    the editor wrote it."""
    prose = Prose(source)
    for number, match in prose.find(re.compile(TYPED_BULLET.pattern, re.MULTILINE)):
        yield (
            number,
            f"raden börjar med '{match[1]}', som visas som text och inte som en lista — "
            "börja varje punkt i listan med '- ' i stället",
        )
    for number, match in prose.find(re.compile(CLASS_LINE.pattern, re.MULTILINE)):
        yield from _class_problems(number, match)
    for number, match in prose.find(UNSAFE_LINK):
        yield (
            number,
            f"en länk till '{match[1]}:' blir ingen länk utan visas som text — "
            "länka till en sida (https://…) eller skriv texten utan länk",
        )
    tokens, env = parsed("\n".join(text for _, text in source.body))
    for item, typed, shown in _renumbered_items(tokens):
        yield (
            source.body_start + item.map[0],
            f"listan numreras om på sidan: '{typed}{item.markup}' visas som '{shown}{item.markup}'"
            f" — numrera punkterna i ordning, eller skriv '{typed}\\{item.markup}' om det är "
            "text och inte en lista",
        )
    for item, number in _lists_starting_out_of_nowhere(tokens):
        yield source.body_start + item.map[0], STARTS_A_LIST.format(number, item.markup)
    for number in _rows_outside_tables(prose, tokens, source):
        yield number, TABLE_AS_TEXT
    for item in _boxless_task_items(tokens):
        yield (
            source.body_start + item.map[0],
            "punkten visas utan sin ruta — skriv ett mellanslag efter [ ] eller [x]: '- [x] klart'",
        )
    task_lists = _task_list_html(tokens)
    inline = None  # the inline token whose children these are: its text as written
    for offset, token in located(tokens):
        inline = token if token.type == "inline" else inline
        line = source.body_start + offset
        if token.type in ("html_block", "html_inline") and id(token) not in task_lists:
            yield from ((line + extra, message) for extra, message in _html_problems(token))
        elif token.type == "image":
            if message := _image_problem(token.attrGet("src") or ""):
                yield line, message
        elif token.type == "text" and "\\" in token.content:
            yield line, VISIBLE_BACKSLASH
        elif token.type == "text" and (mark := _unpaired(token.content, inline.content)):
            yield line, VISIBLE_MARKER.format(mark)
        elif token.type == "text" and "](" in token.content and _broken_link(inline.content):
            yield line, LINK_AS_TEXT
        elif token.type == "bullet_list_open" and token.markup == "+":
            yield line, PLUS_LIST
        elif token.type == "code_block":
            yield line, CODE_BOX
        elif token.type == "heading_open" and token.markup in ("=", "-"):
            yield source.body_start + token.map[1] - 1, UNDERLINED_HEADING.format(token.markup * 3)
        elif token.type == "text" and (note := UNREFERRED_NOTE.search(token.content)):
            yield (
                line,
                f"hänvisningen [^{note[1]}] har ingen fotnot — lägg till en rad "
                f"'[^{note[1]}]: fotnotens text' under texten, eller ta bort hänvisningen",
            )
    for label in _unreferred_notes(env):
        number = next(n for n, text in source.body if text.startswith(f"[^{label}]:"))
        yield (
            number,
            f"fotnoten [^{label}] används aldrig i texten — lägg till [^{label}] där den hör hemma",
        )


def _unpaired(text, written):
    """The emphasis mark shown as typed in `text`, unless `written` escapes it (\\*)."""
    pair = UNPAIRED.search(text)
    return pair and f"\\{pair[1][0]}" not in written and pair[1]


def _broken_link(written):
    """Whether `written` has a link's "](" that is not escaped and not refused already as
    a link Markdown will not make (UNSAFE_LINK)."""
    return LINK_SYNTAX.search(written) and not UNSAFE_LINK.search(written)


def _task_list_html(tokens):
    """The ids of the HTML tokens a task list item (`- [ ] …`) is given by the site's
    Markdown, not by the editor: its <label>, its check box and its </label>."""
    made = set()
    for at, token in enumerate(tokens):
        if token.type == "list_item_open" and token.attrGet("class") == "task-list-item":
            children = next(t for t in tokens[at:] if t.type == "inline").children
            made |= {id(children[0]), id(children[1]), id(children[-1])}
    return made


def _ordered_lists(tokens):
    """[(level, [item's list_item_open])] of each ordered list, in the order of the text."""
    lists = []
    for at, token in enumerate(tokens):
        if token.type != "ordered_list_open":
            continue
        items = []
        for item in tokens[at + 1 :]:
            if item.type == "ordered_list_close" and item.level == token.level:
                break
            if item.type == "list_item_open" and item.level == token.level + 1:
                items.append(item)
        lists.append((token.level, items))
    return lists


def _renumbered_items(tokens):
    """(item, number typed, number shown) for the first item of each ordered list whose
    typed numbers are neither in order nor all the same (1. 1. 1. is numbered on purpose)."""
    for _, items in _ordered_lists(tokens):
        typed = [int(item.info) for item in items]
        shown = list(range(typed[0], typed[0] + len(typed)))
        if len(set(typed)) > 1 and typed != shown:
            yield next((i, t, s) for i, t, s in zip(items, typed, shown, strict=True) if t != s)


def _lists_starting_out_of_nowhere(tokens):
    """(first item, its number) of each ordered list that starts at another number than 1
    and does not go on from the list before it at its level (1. 2., a paragraph, 3.)."""
    last = {}  # level → the last number of the last list there
    for level, items in _ordered_lists(tokens):
        first = int(items[0].info)
        if first != 1 and last.get(level) != first - 1:
            yield items[0], first
        last[level] = first + len(items) - 1


def _boxless_task_items(tokens):
    """The task list items (`- [x]…`) the site's Markdown gave no check box."""
    for at, token in enumerate(tokens):
        if token.type == "list_item_open" and token.attrGet("class") == "task-list-item":
            children = next(t for t in tokens[at:] if t.type == "inline").children
            if "checkbox" not in children[1].content:
                yield token


def _rows_outside_tables(prose, tokens, source):
    """The first line of each run of table rows that Markdown made no table of (rows a
    blank line apart are one run: one problem a table)."""
    in_tables = {
        source.body_start + line
        for token in tokens
        if token.type == "table_open"
        for line in range(*token.map)
    }
    last = None
    for number, _ in prose.find(TABLE_ROW):
        if number in in_tables:
            continue
        if last is None or number > last + 2:
            yield number
        last = number


def located(tokens, offset=0):
    """Yield (line offset in the body, token) for every token, inline ones included."""
    for token in tokens:
        start = token.map[0] if token.map else offset
        yield start, token
        if token.children:
            line = start
            for child in token.children:
                yield line, child
                line += child.type in ("softbreak", "hardbreak")


def _html_problems(token):
    text = COMMENT.sub(lambda comment: "\n" * comment[0].count("\n"), token.content)
    for match in TAG.finditer(text):
        name, attributes = match[2].lower(), match[3].strip(" /")
        extra = text.count("\n", 0, match.start())
        if name in INLINE_HTML_ALLOWED and not attributes:
            continue
        if match[1]:  # a closing tag: its opening one is reported
            continue
        if name in EMBEDS:
            yield (
                extra,
                (
                    f"'<{name}>' är en inbäddning, som webbplatsens säkerhetsregler blockerar: "
                    "läsarna ser en tom ruta — länka till den i stället: [Se filmen](https://…)"
                ),
            )
        elif name == "img":
            yield (
                extra,
                (
                    "'<img>' är HTML — skriv bilden i Markdown: "
                    "![vad bilden visar]({static}/images/bild.jpg)"
                ),
            )
        elif name in INLINE_HTML_ALLOWED:
            yield extra, f"'<{name}>' får inte ha attribut här — skriv bara <{name}>"
        else:
            yield (
                extra,
                (
                    f"'<{name}>' är HTML, som webbplatsen inte visar som du ser det — "
                    "skriv det i Markdown (docs/editing.md, 'Det här fungerar')"
                ),
            )


def _image_problem(src):
    if PELICAN_LINK.match(src):
        return None  # checked by images.py and addresses.py
    if re.match(r"^(https?:)?//|^data:", src):
        return (
            "en bild från en annan webbplats blockeras av webbplatsens säkerhetsregler — spara "
            "den i content/images och skriv ![vad den visar]({static}/images/bild.jpg)"
        )
    fixed = "{static}" + src
    return f"bilden '{src}' publiceras inte utan {{static}} — skriv den som ({fixed})"


def _class_problems(number, match):
    old_form, inside = match[1], match[2].strip()
    names = [word[1:] for word in inside.split() if word.startswith(".")]
    known = ", ".join(f"{{.{name}}}" for name in sorted(THEME_CLASSES))
    if old_form:
        yield (
            number,
            (
                f"'{{: {inside} }}' är det gamla sättet att ange en klass — skriv "
                f"'{{{inside.replace(' ', '')}}}' på en egen rad ovanför stycket i stället"
            ),
        )
    elif not names or len(names) != len(inside.split()) or set(names) - THEME_CLASSES:
        yield (
            number,
            f"'{{{inside}}}' är ingen klass som temat har — använd {known}, eller ta bort den",
        )


def _unreferred_notes(env):
    # mdit-py-plugins' footnotes: refs maps ":label" to the note's number, -1 if unused.
    refs = env.get("footnotes", {}).get("refs", {})
    return [label[1:] for label, number in refs.items() if number == -1]
