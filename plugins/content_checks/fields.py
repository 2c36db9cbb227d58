"""What each kind of content must and may say in its front matter."""

import datetime
import difflib


def text(value):
    if not isinstance(value, str) or not value.strip():
        return "must be text — write it after the colon"


def date(value):
    # Pelican would guess at "26 november"; only an unambiguous ISO date is accepted.
    if isinstance(value, datetime.date):
        return None
    try:
        datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return "is not a date — write it as YYYY-MM-DD, e.g. 2026-11-26"


def whole_number(value):
    if isinstance(value, bool) or not isinstance(value, int):
        return "must be a whole number — e.g. 'order: 3'"


def list_of_text(value):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return "must be a list — one '- item' per line"


def status(value):
    if value not in ("published", "draft", "hidden"):
        return "is unknown — use published, draft or hidden"


REQUIRED = {
    "article": {"title": text, "date": date, "author": text, "summary": text},
    "service": {"title": text, "summary": text, "order": whole_number},
    "page": {"title": text, "summary": text},
}
OPTIONAL = {
    "article": {"modified": date, "services": list_of_text, "status": status},
    "service": {"status": status},
    "page": {
        "status": status,
        "template": text,
        "url": str,  # any text, even empty: the start page's url is ""
        "save_as": text,
        "eyebrow": text,
        "robots": text,
        "modified": date,  # shown as "Senast uppdaterad" on the privacy notice
    },
}


def check_fields(source, known_templates):
    """Yield (line, message) for each field that is missing, unknown or of the wrong kind."""
    required, optional = REQUIRED[source.kind], OPTIONAL[source.kind]
    for name in required:
        if name not in source.meta and name not in source.unreadable:
            yield 1, f"'{name}' is missing — add a line '{name}: …' to the front matter"
    for name, value in source.meta.items():
        line = source.line_of(name)
        check = required.get(name) or optional.get(name)
        if check is None:
            known = [*required, *optional]
            guess = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else f"known fields: {', '.join(known)}"
            yield line, f"unknown field '{name}' — {hint}"
        elif check is str:
            if not isinstance(value, str):
                yield line, f"'{name}' must be text — put it in quotes"
        elif (message := check(value)) and not (source.is_draft and check is text):
            yield line, f"'{name}' {message}"
    template = source.meta.get("template")
    if isinstance(template, str) and template not in known_templates:
        names = ", ".join(sorted(known_templates))
        yield (
            source.line_of("template"),
            f"template '{template}' does not exist — use one of {names}",
        )
