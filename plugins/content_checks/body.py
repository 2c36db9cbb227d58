"""Checks on the Markdown text of one file, and the headings and links it has."""

import re

from markdown.extensions.toc import slugify, unique

PLACEHOLDER = re.compile(r"\bxxx\b|\bTODO\b|\bTBD\b|lorem ipsum", re.IGNORECASE)
EMPTY_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*\)")
IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(|<img\b(?![^>]*\balt=)[^>]*>", re.IGNORECASE)
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
INLINE_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")
# {filename}, {static} and {attach} targets, and links to an anchor on the same page.
INTERNAL_LINK = re.compile(r"\{(filename|static|attach)\}([^\s)\"'#]*)(#[^\s)\"']*)?")
SAME_PAGE_ANCHOR = re.compile(r"\]\((#[^\s)]+)\)|href=\"(#[^\"]+)\"")
CODE_FENCE = re.compile(r"^\s*(```|~~~)")


def text_lines(source):
    """The body's lines outside fenced code blocks."""
    in_code = False
    for number, line in source.body:
        if CODE_FENCE.match(line):
            in_code = not in_code
        elif not in_code:
            yield number, line


def heading_ids(source):
    """The ids Markdown's toc extension gives this file's headings."""
    ids = set()
    for _, line in text_lines(source):
        if match := HEADING.match(line):
            title = match.group(2)
            if explicit := EXPLICIT_ID.search(title):
                ids.add(explicit.group(1))
            else:
                ids.add(unique(slugify(INLINE_MARKUP.sub(r"\1", title), "-"), ids))
    return ids


def links(source):
    """Yield (line, kind, target, anchor) for each {filename}/{static}/{attach} link."""
    for number, line in text_lines(source):
        for match in INTERNAL_LINK.finditer(line):
            yield number, match.group(1), match.group(2), (match.group(3) or "")[1:]


def check_body(source):
    """Yield (line, message) for what an editor may have left behind in the text."""
    if not any(line.strip() for _, line in source.body) and not source.is_draft:
        yield source.body_start, "the text is empty — write it below the front matter"
    level = 1  # the title is the page's only <h1>
    ids = heading_ids(source)
    for number, line in text_lines(source):
        if not source.is_draft and (match := PLACEHOLDER.search(line)):
            yield number, f"placeholder '{match.group(0)}' left in the text — replace or remove it"
        if EMPTY_LINK.search(line):
            yield number, "a link has no address: '[text]()' — add the address or remove the link"
        if IMAGE_WITHOUT_ALT.search(line):
            yield number, "an image has no alt text — describe it: ![what the image shows](…)"
        if match := HEADING.match(line):
            new_level = len(match.group(1))
            if new_level == 1:
                yield (
                    number,
                    "'# ' makes a second main heading — the title is that; use '## '",
                )
            elif new_level > level + 1:
                yield (
                    number,
                    (
                        f"heading level skipped ({'#' * level} to {'#' * new_level}) — "
                        f"use {'#' * (level + 1)} here"
                    ),
                )
            level = new_level
        for match in SAME_PAGE_ANCHOR.finditer(line):
            anchor = (match.group(1) or match.group(2))[1:]
            if anchor not in ids:
                yield (
                    number,
                    f"no heading here has the id '#{anchor}' — check the link's words",
                )
    for name, value in source.meta.items():
        if isinstance(value, str) and not source.is_draft and (match := PLACEHOLDER.search(value)):
            yield (
                source.line_of(name),
                f"placeholder '{match.group(0)}' left in '{name}' — replace it",
            )
