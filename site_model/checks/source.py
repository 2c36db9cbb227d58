"""One content file as the checks see it: its front matter, with line numbers, and its body."""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

FENCE = "---"
# libyaml's parser when PyYAML has it: the same nodes and line marks, several times faster.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CLOSING_FENCES = {"---", "..."}


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


def read_source(path, shown_as, kind):
    """Return (Source or None, problems): None when the file cannot be read as content."""
    source = Source(Path(path), shown_as, kind)

    def problem(line, message):
        return None, [Problem(shown_as, line, message)]

    raw = source.path.read_bytes()
    if not raw.strip():
        return problem(1, "the file is empty — write its front matter and text, or delete it")
    try:
        text = raw.decode("utf-8-sig")  # Windows editors may start a file with a BOM
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return problem(line, "text is not valid UTF-8 — save the file as UTF-8 in your editor")

    lines = text.splitlines()
    if lines[0].strip() != FENCE:
        return problem(1, "no front matter — start the file with '---', the fields, and '---'")
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in CLOSING_FENCES), None)
    if end is None:
        return problem(1, "the front matter is not closed — add a line '---' after the last field")

    try:
        node = yaml.compose("\n".join(lines[1:end]), Loader=FAST_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        reason = getattr(error, "problem", None) or "not valid YAML"
        return problem(line, f"front matter: {reason} — put quotes around a value with ':' or '#'")
    if not isinstance(node, yaml.MappingNode):
        return problem(2, "front matter must be lines of 'field: value'")

    problems = []
    constructor = yaml.SafeLoader("")
    for key_node, value_node in node.value:
        name, line = str(key_node.value), key_node.start_mark.line + 2
        if name in source.meta_lines:
            problems.append(Problem(shown_as, line, f"'{name}' is given twice — keep one"))
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
                    f"'{name}' cannot be read ({error}) — "
                    "write dates as YYYY-MM-DD and put quotes around text",
                )
            )
    source.body_start = end + 2
    source.body = list(enumerate(lines[end + 1 :], start=source.body_start))
    return source, problems
