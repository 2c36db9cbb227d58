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
from .image_files import MIN_PHOTO_WIDTH, PHOTO_FIELD
from .kinds import content_kinds, own_kinds
from .values import (
    any_text,
    credentials,
    date,
    linkedin,
    list_of_text,
    past_date,
    status,
    text,
    whole_number,
)


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    # A Decap CMS widget: string, text, datetime, number, select, relation, image, list, hidden
    widget: str
    check: Callable
    required: bool = False
    hint: str = ""
    default_setting: str = ""  # a new entry starts with this setting's value (AUTHOR)
    options: tuple = ()  # (value, label) of each choice, for a select
    subfields: tuple = ()  # the Fields of each item, for a list of items (credentials)
    today_by_default: bool = False  # a new entry starts dated today (a datetime)
    why: str = ""  # why it is required, said when it is missing


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
        Field("date", "Datum", "datetime", date, required=True, today_by_default=True),
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
        # A coach (content/coaches/): the title is their name, the summary the short
        # presentation, the text the long one.
        Field(
            "role",
            "Roll",
            "string",
            text,
            hint="Rollen hos EPM, t.ex. Executive coach och grundare, när EPM har bekräftat den.",
        ),
        Field(
            PHOTO_FIELD,
            "Porträtt",
            "image",
            text,
            hint=f"Ett foto, minst {MIN_PHOTO_WIDTH} px brett. Visas på coachens sida.",
        ),
        Field(
            "credentials",
            "Certifieringar",
            "list",
            credentials,
            hint="T.ex. ICF PCC och året den gavs; andra utbildningar med fri text.",
            subfields=(
                Field("name", "Certifiering", "string", text, required=True),
                Field("year", "År", "number", whole_number),
            ),
        ),
        Field(
            "languages",
            "Språk",
            "list",
            list_of_text,
            hint="Språken coachen arbetar på, med kommatecken emellan: svenska, engelska.",
        ),
        Field("linkedin", "LinkedIn", "string", linkedin, hint="Adressen till profilen."),
        # A client case (content/cases/): what the client said yes to publishing.
        Field(
            "client",
            "Kunden",
            "string",
            text,
            required=True,
            hint="Namnet, eller en anonym beskrivning: ”VD i ett medelstort industriföretag”.",
        ),
        Field("challenge", "Utmaningen", "text", text, required=True),
        Field("approach", "Så arbetade vi", "text", text, required=True),
        Field("result", "Resultatet", "text", text, required=True),
        Field("quote", "Citat", "text", text, hint="Kundens egna ord, om kunden vill."),
        Field(
            "consent",
            "Kundens samtycke",
            "datetime",
            past_date,
            required=True,
            hint="Datumet då kunden skriftligen godkände texten. Visas aldrig på webbplatsen.",
            why=" (ett kundcase publiceras bara med kundens skriftliga samtycke)",
        ),
    ]
}


def fields_of(kind: str, settings: dict) -> list[Field]:
    """The fields of a kind of content (its name), as Field objects, in its entry's order.
    A name is a field of FIELDS, or the folder of a kind of our own: then the field names
    pages of that kind by slug (`services: [slug, …]`), a relation. ValueError names a field
    that is neither."""
    linked = own_kinds(settings)
    fields = []
    for name in content_kinds(settings)[kind].fields:
        if name in FIELDS:
            fields.append(FIELDS[name])
        elif name in linked:
            label = linked[name].label_plural
            hint = f"Välj bland {label.lower()}; de visas på sidan."
            fields.append(Field(name, label, "relation", list_of_text, hint=hint))
        else:
            raise ValueError(
                f"CONTENT_KINDS['{kind}']: no field {name} in schema.py, nor a kind with "
                "that folder"
            )
    return fields
