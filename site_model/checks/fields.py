"""What each kind of content must and may say in its front matter (the fields: schema.py)."""

import difflib

from site_model.front_matter import is_unset
from site_model.schema import fields_of
from site_model.values import text

from .protocol import per_file


def rules_for(kind, settings):
    """(required, optional) fields of a kind of content, as {name: check}."""
    fields = fields_of(kind, settings)
    required = {field.name: field.check for field in fields if field.required}
    optional = {field.name: field.check for field in fields if not field.required}
    return required, optional


@per_file
def check_fields(source, site):
    """Yield (line, message) for each field that is missing, unknown or of the wrong kind."""
    required, optional = rules_for(source.kind, site.settings)
    for name in required:
        if name not in source.meta and name not in source.unreadable:
            yield 1, f"'{name}' saknas — lägg till en rad '{name}: …' i front matter"
    for name, value in source.meta.items():
        line = source.line_of(name)
        check = required.get(name) or optional.get(name)
        if check is None:
            known = [*required, *optional]
            guess = difflib.get_close_matches(name, known, n=1)
            hint = f"menade du '{guess[0]}'?" if guess else f"kända fält: {', '.join(known)}"
            yield line, f"okänt fält '{name}' — {hint}"
        elif is_unset(name, value) and name in optional:
            continue  # a cleared field, as the CMS saves it
        elif (message := check(value)) and not (source.is_draft and check is text):
            yield line, f"'{name}' {message}"
    template = source.meta.get("template")
    if isinstance(template, str) and template not in site.templates:
        names = ", ".join(sorted(site.templates))
        yield (
            source.line_of("template"),
            f"mallen '{template}' finns inte — använd någon av {names}",
        )
