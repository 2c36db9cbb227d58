"""Checks on the Markdown text of one file, and the headings and links it has."""

import re
from bisect import bisect_right
from functools import lru_cache

from site_model.kinds import content_kinds
from site_model.markdown import parsed

from .protocol import per_file

PLACEHOLDER = re.compile(r"\bxxx\b|\bTODO\b|\bTBD\b|lorem ipsum", re.IGNORECASE)
PLACEHOLDER_WORDS = ("xxx", "todo", "tbd", "lorem")  # a cheap test before the regex
EMPTY_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\([ \t]*\)")
IMAGE_WITHOUT_ALT = re.compile(r"!\[[ \t]*\]\(|<img\b(?![^>]*\balt=)[^>]*>", re.IGNORECASE)
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
# {filename}, {static} and {attach} targets, and links to an anchor on the same page.
INTERNAL_LINK = re.compile(r"\{(filename|static|attach)\}([^\s)\"'#]*)(#[^\s)\"']*)?")
SAME_PAGE_ANCHOR = re.compile(r"\]\((#[^\s)]+)\)|href=\"(#[^\"]+)\"")
CODE_FENCE = re.compile(r"^\s*(```|~~~)")


class Prose:
    """The body outside fenced code, as one string: each pattern runs once per file, and
    a match's offset maps back to its line number."""

    def __init__(self, source):
        self.numbers, lines, in_code = [], [], False
        for number, line in source.body:
            if CODE_FENCE.match(line):
                in_code = not in_code
            elif not in_code:
                self.numbers.append(number)
                lines.append(line)
        self.text = "\n".join(lines)
        self.starts = [0]
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def find(self, pattern):
        """Yield (line number, match) for each match of pattern."""
        for match in _matches(pattern, self.text):
            yield self.numbers[bisect_right(self.starts, match.start()) - 1], match


@lru_cache(maxsize=16384)
def _matches(pattern, text):
    """Kept per text: `invoke livereload` checks every file again at each save, and all but
    the saved one are as they were (16 patterns a file; 0.1 s a build at 300 articles)."""
    return tuple(pattern.finditer(text))


def heading_ids(source):
    """The ids the page gives this file's headings, as the site's Markdown makes them."""
    tokens, _ = parsed("\n".join(text for _, text in source.body))
    return {token.attrGet("id") for token in tokens if token.type == "heading_open"}


def links(source):
    """Yield (line, kind, target, anchor) for each {filename}/{static}/{attach} link."""
    for number, match in Prose(source).find(INTERNAL_LINK):
        yield number, match.group(1), match.group(2), (match.group(3) or "")[1:]


@per_file
def check_body(source, site):
    """Yield (line, message) for what an editor may have left behind in the text."""
    prose = Prose(source)
    optional = content_kinds(site.settings)[source.kind].text_optional
    if not prose.text.strip() and not source.is_draft and not optional:
        yield source.body_start, "texten är tom — skriv den under front matter"
    lowered = prose.text.lower()
    if not source.is_draft and any(word in lowered for word in PLACEHOLDER_WORDS):
        for number, match in prose.find(PLACEHOLDER):
            yield (
                number,
                f"platshållaren '{match[0]}' står kvar i texten — byt ut den eller ta bort den",
            )
    for number, _ in prose.find(EMPTY_LINK):
        yield number, "en länk saknar adress: '[text]()' — lägg till adressen eller ta bort länken"
    for number, _ in prose.find(IMAGE_WITHOUT_ALT):
        yield number, "en bild saknar alt-text — beskriv den: ![vad bilden visar](…)"
    yield from check_heading_levels(prose)
    anchors = list(prose.find(SAME_PAGE_ANCHOR))
    ids = heading_ids(source) if anchors else set()
    for number, match in anchors:
        anchor = (match.group(1) or match.group(2))[1:]
        if anchor not in ids:
            yield number, f"ingen rubrik på sidan har id:t '#{anchor}' — kontrollera orden i länken"
    for name, value in source.meta.items():
        if isinstance(value, str) and not source.is_draft and (match := PLACEHOLDER.search(value)):
            yield (
                source.line_of(name),
                f"platshållaren '{match[0]}' står kvar i '{name}' — byt ut den",
            )


def check_heading_levels(prose):
    level = 1  # the title is the page's only <h1>
    for number, match in prose.find(HEADING):
        new_level = len(match.group(1))
        if new_level == 1:
            yield (
                number,
                "'# ' ger en andra huvudrubrik — titeln är redan huvudrubriken; använd '## '",
            )
        elif new_level > level + 1:
            yield (
                number,
                (
                    f"en rubriknivå hoppas över ({'#' * level} till {'#' * new_level}) — "
                    f"använd {'#' * (level + 1)} här"
                ),
            )
        level = new_level
