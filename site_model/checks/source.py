"""One content file as the checks see it: its front matter, with line numbers, and its body."""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FENCE = "---"
# libyaml's parser when PyYAML has it: the same nodes and line marks, several times faster.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CLOSING_FENCES = {"---", "..."}
# Characters Python's splitlines() ends a line at and Markdown (the page, the CMS preview)
# does not: Word's manual line break (\x0b), U+2028, … The checks would read another text
# than the page shows, and the page would have an invisible character (\x0b is not HTML).
OTHER_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Source:
    path: Path  # absolute
    shown_as: str  # the path an editor sees: content/articles/x.md
    kind: str  # article, service or page
    meta: dict = field(default_factory=dict)
    meta_lines: dict = field(default_factory=dict)  # field name -> line number
    item_lines: dict = field(default_factory=dict)  # list field name -> each item's line
    unreadable: set = field(default_factory=set)  # fields already reported as unreadable
    body: list = field(default_factory=list)  # (line number, text)
    body_start: int = 1  # the line after the front matter

    def line_of(self, name, item=None):
        """The line of a field, or of the item-th entry of a list field."""
        if item is not None and item < len(self.item_lines.get(name, [])):
            return self.item_lines[name][item]
        return self.meta_lines.get(name, 1)

    @property
    def is_draft(self):
        return self.meta.get("status") == "draft"


def read_source(path, shown_as, kind, raw=None):
    """Return (Source or None, problems): None when the file cannot be read as content.
    `raw`: the file's bytes, when the caller has read them already."""
    source = Source(Path(path), shown_as, kind)

    def problem(line, message):
        return None, [Problem(shown_as, line, message)]

    raw = source.path.read_bytes() if raw is None else raw
    if not raw.strip():
        return problem(1, "filen är tom — skriv front matter och text i den, eller radera den")
    try:
        text = raw.decode("utf-8-sig")  # Windows editors may start a file with a BOM
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return problem(
            line, "texten är inte giltig UTF-8 — spara filen som UTF-8 i programmet du skriver i"
        )

    if other := OTHER_LINE_BREAKS.search(text):
        return problem(
            text.count("\n", 0, other.start()) + 1,
            f"ett osynligt radbrytningstecken (U+{ord(other[0]):04X}, ofta inklistrat från Word) "
            "— ta bort det, och tryck Enter där raden ska brytas",
        )
    lines = text.splitlines()
    if lines[0].strip() != FENCE:
        return problem(1, "front matter saknas — börja filen med '---', fälten och '---'")
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in CLOSING_FENCES), None)
    if end is None:
        return problem(
            1, "front matter avslutas inte — lägg till en rad '---' efter det sista fältet"
        )

    try:
        node = yaml.compose("\n".join(lines[1:end]), Loader=FAST_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        reason = getattr(error, "problem", None) or "ogiltig YAML"
        return problem(
            line, f"front matter: {reason} — sätt citattecken runt ett värde med ':' eller '#'"
        )
    if not isinstance(node, yaml.MappingNode):
        return problem(
            2,
            "front matter ska vara rader med 'fält: värde' — "
            "skriv ett fält per rad, t.ex. 'title: Rubrik'",
        )

    problems = []
    constructor = yaml.SafeLoader("")
    for key_node, value_node in node.value:
        name, line = str(key_node.value), key_node.start_mark.line + 2
        if name in source.meta_lines:
            problems.append(Problem(shown_as, line, f"'{name}' står två gånger — behåll en av dem"))
        source.meta_lines[name] = line
        if isinstance(value_node, yaml.SequenceNode):
            source.item_lines[name] = [item.start_mark.line + 2 for item in value_node.value]
        try:  # one field at a time, so that a bad value (2026-13-01) names its line
            source.meta[name] = constructor.construct_object(value_node, deep=True)
        except (ValueError, yaml.YAMLError) as error:
            source.unreadable.add(name)
            problems.append(
                Problem(
                    shown_as,
                    line,
                    f"'{name}' går inte att läsa ({error}) — "
                    "skriv datum som ÅÅÅÅ-MM-DD och sätt citattecken runt text",
                )
            )
    source.body_start = end + 2
    source.body = list(enumerate(lines[end + 1 :], start=source.body_start))
    return source, problems
