"""What each kind of content must and may say in its front matter (the fields: schema.py)."""

import difflib

from site_model.front_matter import is_unset
from site_model.schema import fields_of
from site_model.values import text

from .protocol import per_file


def rules_for(kind, settings):
    """(required, optional) fields of a kind of content, as {name: Field}."""
    fields = fields_of(kind, settings)
    required = {field.name: field for field in fields if field.required}
    optional = {field.name: field for field in fields if not field.required}
    return required, optional


@per_file
def check_fields(source, site):
    """Yield (line, message) for each field that is missing, unknown or of the wrong kind."""
    required, optional = rules_for(source.kind, site.settings)
    for name, field in required.items():
        if name not in source.meta and name not in source.unreadable:
            yield 1, f"'{name}' saknas{field.why} — lägg till en rad '{name}: …' i front matter"
    for name, value in source.meta.items():
        line = source.line_of(name)
        field = required.get(name) or optional.get(name)
        if field is None:
            known = [*required, *optional]
            guess = difflib.get_close_matches(name, known, n=1)
            hint = f"menade du '{guess[0]}'?" if guess else f"kända fält: {', '.join(known)}"
            yield line, f"okänt fält '{name}' — {hint}"
        elif is_unset(name, value) and (name in optional or source.is_draft):
            continue  # a cleared field, as the CMS saves it; a draft may be unfinished
        elif is_unset(name, value):
            yield line, f"'{name}' är tomt{field.why} — fyll i det efter kolonet"
        elif (message := field.check(value)) and not (source.is_draft and field.check is text):
            yield line, f"'{name}' {message}"
    template = source.meta.get("template")
    if isinstance(template, str) and template not in site.templates:
        names = ", ".join(sorted(site.templates))
        yield (
            source.line_of("template"),
            f"mallen '{template}' finns inte — använd någon av {names}",
        )
