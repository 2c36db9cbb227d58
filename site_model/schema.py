"""The front-matter fields, each written once; a kind lists the ones it has by name (its
`fields` in CONTENT_KINDS, pelican.conf.py).

Three things read them: the content checks (checks/fields.py), `invoke new`
(tools/new_content.py) and the browser CMS's configuration (plugins/admin), so a field
added here and named in a kind's entry is checked, started and editable together.
`label` and `hint` are what an editor sees in the CMS (Swedish); `widget` is the CMS's
input for it; `check` returns what is wrong with a value, or None.
"""

from collections.abc import Callable
from dataclasses import dataclass

from . import addresses
from .addresses import original_url
from .kinds import content_kinds, own_kinds
from .values import any_text, date, list_of_text, status, text, whole_number


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    widget: str  # a Decap CMS widget: string, text, datetime, number, select, relation, hidden
    check: Callable
    required: bool = False
    hint: str = ""
    default_setting: str = ""  # a new entry starts with this setting's value (AUTHOR)
    options: tuple = ()  # (value, label) of each choice, for a select


TITLE = Field("title", "Rubrik", "string", text, required=True)
SUMMARY = Field(
    "summary",
    "Sammanfattning",
    "text",
    text,
    required=True,
    hint="En eller två meningar. Visas i listor, i sökresultat och när sidan delas.",
)
# "Synlighet", not "Status": the CMS's own review steps are called status (Utkast, …).
STATUS = Field(
    "status",
    "Synlighet",
    "select",
    status,
    hint="Tomt eller Publicerad: sidan syns. Ett utkast syns bara i förhandsvisningen.",
    options=(
        ("published", "Publicerad"),
        ("draft", "Utkast – publiceras inte"),
        ("hidden", "Dold – publiceras men listas inte"),
    ),
)
ORIGINAL_URL = Field(
    addresses.ORIGINAL_URL,
    "Tidigare adress",
    "string",
    original_url,
    hint="Bara om filen har bytt namn: den gamla adressen, t.ex. artiklar/gammal-adress/. "
    "Den fortsätter då att fungera.",
)
ORDER = Field(
    "order", "Ordning", "number", whole_number, required=True, hint="1 visas först, sedan 2, …"
)

# Every field any kind has, by name. How the theme shows a page and where it lives
# (template, url, save_as, robots) is set once by a developer and kept as it is by the CMS
# (a hidden field keeps its value when an editor saves).
FIELDS = {
    field.name: field
    for field in [
        TITLE,
        Field("date", "Datum", "datetime", date, required=True),
        Field("author", "Skribent", "string", text, required=True, default_setting="AUTHOR"),
        SUMMARY,
        Field(
            "modified",
            "Senast uppdaterad",
            "datetime",
            date,
            hint="Ändra datumet när du ändrar texten i sak. Sökmotorerna ser det, och "
            "integritetssidan visar det.",
        ),
        STATUS,
        ORIGINAL_URL,
        ORDER,
        Field("template", "Mall", "hidden", text),
        Field("url", "Adress", "hidden", any_text),
        Field("save_as", "Fil", "hidden", text),
        Field(
            "eyebrow",
            "Överrubrik",
            "string",
            text,
            hint="Den korta raden ovanför rubriken på startsidan.",
        ),
        Field("robots", "Sökmotorer", "hidden", text),
    ]
}


def fields_of(kind: str, settings: dict) -> list[Field]:
    """The fields of a kind of content (its name), as Field objects: those its entry names,
    and for an article one relation field per kind of our own (`services: [slug, …]`)."""
    names = content_kinds(settings)[kind].fields
    if unknown := [name for name in names if name not in FIELDS]:
        raise ValueError(f"CONTENT_KINDS['{kind}']: no field {', '.join(unknown)} in schema.py")
    fields = [FIELDS[name] for name in names]
    if kind == "article":
        for folder, linked in own_kinds(settings).items():
            hint = "Visas som relaterade under artikeln."
            fields.append(Field(folder, linked.label_plural, "relation", list_of_text, hint=hint))
    return fields
