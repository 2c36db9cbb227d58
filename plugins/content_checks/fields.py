"""What each kind of content must and may say in its front matter."""

import datetime
import difflib

from .addresses import original_url


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


# A kind of our own (CONTENT_KINDS with a template) asks what a service asks; an article
# may name pages of each such kind by slug, in a field named after its folder (`services:`).
REQUIRED = {
    "article": {"title": text, "date": date, "author": text, "summary": text},
    "service": {"title": text, "summary": text, "order": whole_number},
    "page": {"title": text, "summary": text},
}
OPTIONAL = {
    "article": {"modified": date, "status": status, "original_url": original_url},
    "service": {"status": status, "original_url": original_url},
    "page": {
        "status": status,
        "template": text,
        "url": str,  # any text, even empty: the start page's url is ""
        "save_as": text,
        "eyebrow": text,
        "robots": text,
        "original_url": original_url,
        "modified": date,  # shown as "Senast uppdaterad" on the privacy notice
    },
}


def rules_for(kind, kinds):
    """(required, optional) fields of a kind of content."""
    rules = kind if kind in REQUIRED else "service"
    optional = dict(OPTIONAL[rules])
    if kind == "article":
        optional.update({k["folder"]: list_of_text for k in kinds.values() if "template" in k})
    return REQUIRED[rules], optional


def check_fields(source, known_templates, kinds):
    """Yield (line, message) for each field that is missing, unknown or of the wrong kind."""
    required, optional = rules_for(source.kind, kinds)
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
