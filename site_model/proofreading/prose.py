"""The prose of a content file as readers get it, each piece with its line: the `title`
and `summary` fields and the body text. Code, link addresses, HTML tags, addresses and
e-mail addresses written as links, and front matter other than those two fields are not
prose. The body is read with the site's own Markdown (site_model/markdown.py), so what is
checked is what the page shows.
"""

from dataclasses import dataclass

from site_model.markdown import parsed

# The front matter's text a reader sees (site_model/schema.py): the title and summary of
# every kind, a coach's role, a case's story, a page's eyebrow.
PROSE_FIELDS = (
    "title",
    "summary",
    "role",
    "client",
    "challenge",
    "approach",
    "result",
    "quote",
    "eyebrow",
)
LINE_BREAKS = {"softbreak", "hardbreak"}
# A link whose text is its address: www.… or <https://…> written in the text.
ADDRESS_LINKS = {"linkify", "autolink"}


@dataclass(frozen=True)
class Piece:
    """One line's prose, within one block (a paragraph, heading, list item or cell)."""

    line: int  # 1-based line in the file
    text: str


def field_blocks(source):
    """[[Piece, …], …]: each prose field's value, from its own lines of the front matter."""
    lines = source.path.read_text("utf-8-sig").splitlines()
    starts = sorted(source.meta_lines.values())
    front_matter_end = source.body_start - 2  # the line of the closing ---
    blocks = []
    for name in PROSE_FIELDS:
        if not isinstance(source.meta.get(name), str):
            continue
        start = source.meta_lines[name]
        end = min([line for line in starts if line > start] + [front_matter_end])
        first = lines[start - 1].split(":", 1)[1]  # after "summary:"
        rest = [
            Piece(number, lines[number - 1])
            for number in range(start + 1, end)
            if not lines[number - 1].lstrip().startswith("#")  # a YAML comment
        ]
        blocks.append([Piece(start, first), *rest])
    return blocks


def body_blocks(source):
    """[[Piece, …], …]: the body's blocks in order, each as the lines it spans."""
    text = "\n".join(line for _, line in source.body)
    blocks = []
    for token in parsed(text)[0]:
        if token.type == "inline" and token.map:
            blocks.append(_inline_pieces(token, source.body_start + token.map[0]))
    return [block for block in blocks if block]


def _inline_pieces(token, line):
    pieces, words, in_address = [], [], False
    for child in token.children or []:
        if child.type in LINE_BREAKS:
            pieces.append(Piece(line, "".join(words)))
            line, words = line + 1, []
        elif child.type == "link_open":
            in_address = child.markup in ADDRESS_LINKS
        elif child.type == "link_close":
            in_address = False
        elif child.type == "text" and not in_address:
            words.append(child.content)
        elif child.type == "image":  # the alt text is read out to those who cannot see it
            words.append(f" {child.content} ")
            line += sum(part.type in LINE_BREAKS for part in child.children or [])
        elif child.type in ("code_inline", "html_inline"):
            words.append(" ")  # code is not spell-checked; <br> parts two words
    pieces.append(Piece(line, "".join(words)))
    return [piece for piece in pieces if piece.text.strip()]
