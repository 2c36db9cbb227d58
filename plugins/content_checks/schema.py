"""The fields of each kind of content, written once.

Three things read this table: the content checks (fields.py), `invoke new`
(tools/new_content.py) and the browser CMS's configuration (plugins/admin), so a field
added here is checked, started and editable together. `label` and `hint` are what an
editor sees in the CMS (Swedish); `widget` is the CMS's input for it; `check` returns
what is wrong with a value, or None.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .addresses import original_url
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
    "original_url",
    "Tidigare adress",
    "string",
    original_url,
    hint="Bara om filen har bytt namn: den gamla adressen, t.ex. artiklar/gammal-adress/. "
    "Den fortsätter då att fungera.",
)
MODIFIED = Field("modified", "Senast uppdaterad", "datetime", date)
ORDER = Field(
    "order", "Ordning", "number", whole_number, required=True, hint="1 visas först, sedan 2, …"
)

# A kind of our own (CONTENT_KINDS with a template) asks what a service asks; an article
# may name pages of each such kind by slug, in a field named after its folder (see
# linked_kinds below).
FIELDS = {
    "article": [
        TITLE,
        Field("date", "Datum", "datetime", date, required=True),
        Field("author", "Skribent", "string", text, required=True, default_setting="AUTHOR"),
        SUMMARY,
        MODIFIED,
        STATUS,
        ORIGINAL_URL,
    ],
    "service": [TITLE, SUMMARY, ORDER, STATUS, ORIGINAL_URL],
    "page": [
        TITLE,
        SUMMARY,
        STATUS,
        # How the theme shows a page and where it lives: set once by a developer, kept as
        # they are by the CMS (a hidden field keeps its value when an editor saves).
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
        ORIGINAL_URL,
        Field(
            "modified",
            "Senast uppdaterad",
            "datetime",
            date,
            hint="Visas på integritetssidan: ändra datumet när du ändrar texten.",
        ),
    ],
}


def linked_kinds(kinds):
    """{folder: kind} for the kinds an article may name by slug (`services: [slug, …]`)."""
    return {k["folder"]: name for name, k in kinds.items() if "template" in k}


def fields_of(kind, kinds):
    """The fields of a kind of content (any kind with a template asks what a service asks)."""
    fields = list(FIELDS[kind if kind in FIELDS else "service"])
    if kind == "article":
        for folder, linked in linked_kinds(kinds).items():
            label = {"service": "Tjänster"}.get(linked, folder.capitalize())
            fields.append(
                Field(
                    folder,
                    label,
                    "relation",
                    list_of_text,
                    hint="Visas som relaterade under artikeln.",
                )
            )
    return fields
