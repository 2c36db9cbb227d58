"""The kinds of content: each is one entry of CONTENT_KINDS in pelican.conf.py, and
everything else about a kind is derived from that entry (settings.py): Pelican's paths and
addresses, the generated lists and the menu, the CMS's collections, the checks, `invoke new`
and the tests' site maps.

An entry is plain data (so `pelican -e CONTENT_KINDS=…` can give one as JSON):

    "service": {
        "folder": "services",            # content/services/
        "url": "tjanster/{slug}/",       # a page's address; the file name is the slug
        "label": "Tjänst",               # one of them, in Swedish (CMS, headings)
        "label_plural": "Tjänster",      # the list of them
        "template": "service",           # a kind of our own: its pages use this template
                                         # and an editor-set `order` (plugins/content_kinds)
        "list": {                        # its list page, if it has one
            "url": "tjanster/",
            "template": "services",      # theme/templates/services.html
            "menu": 1,                   # its place in the main menu (none: not in it)
        },
        "fields": ["title", "summary", "order", "status", "original_url"],  # schema.py
        "editors_create": True,          # False: a developer makes these (pages)
        "text_optional": False,          # True: the fields say it all, the text may be empty
    }

"article" and "page" are Pelican's own kinds; every other kind needs a `template`.
"""

from dataclasses import dataclass

PELICAN_KINDS = ("article", "page")
REQUIRED = ("folder", "url", "label", "label_plural", "fields")
OPTIONAL = ("template", "list", "editors_create", "text_optional")
LIST_REQUIRED, LIST_OPTIONAL = ("url", "template"), ("menu",)


@dataclass(frozen=True)
class ListPage:
    url: str  # "tjanster/"
    template: str  # a direct template of Pelican's: theme/templates/<template>.html
    title: str  # the kind's label_plural: the list's heading, <title> and menu entry
    menu: int | None = None  # its place in the main menu, 1 first; None: not in the menu


@dataclass(frozen=True)
class Kind:
    name: str  # article, page, service, …
    folder: str
    url: str
    label: str
    label_plural: str
    fields: tuple[str, ...]
    template: str = ""  # "" for Pelican's own kinds (article.html, page.html or `template:`)
    list_page: ListPage | None = None
    editors_create: bool = True
    text_optional: bool = False  # the text under the front matter may be empty

    def address(self, slug: str) -> str:
        """The address of this kind's page with that slug: "tjanster/teamcoaching/"."""
        return self.url.format(slug=slug)

    @property
    def own(self) -> bool:
        """A kind of our own (plugins/content_kinds), not one of Pelican's."""
        return self.name not in PELICAN_KINDS


def kind_from_entry(name: str, entry: dict) -> Kind:
    """A Kind from its CONTENT_KINDS entry; ValueError names a key that is wrong or missing."""
    where = f"CONTENT_KINDS['{name}']"
    _check_keys(where, entry, REQUIRED, OPTIONAL)
    if name not in PELICAN_KINDS and not entry.get("template"):
        raise ValueError(f"{where} needs a 'template': its pages' template")
    fields = entry["fields"]
    if not isinstance(fields, list | tuple) or not all(isinstance(f, str) for f in fields):
        raise ValueError(f"{where}['fields'] must be a list of field names")
    listed = entry.get("list")
    if listed is not None:
        _check_keys(f"{where}['list']", listed, LIST_REQUIRED, LIST_OPTIONAL)
        # Its <TEMPLATE>_URL would be ARTICLE_URL or PAGE_URL.
        if listed["template"] in PELICAN_KINDS:
            raise ValueError(
                f"{where}['list']: a list template cannot be named {listed['template']}"
            )
    return Kind(
        name=name,
        folder=entry["folder"],
        url=entry["url"],
        label=entry["label"],
        label_plural=entry["label_plural"],
        fields=tuple(fields),
        template=entry.get("template", ""),
        list_page=listed and ListPage(title=entry["label_plural"], **listed),
        editors_create=entry.get("editors_create", True),
        text_optional=entry.get("text_optional", False),
    )


def _check_keys(where, entry, required, optional):
    if not isinstance(entry, dict):
        raise ValueError(f"{where} must be a dict of {', '.join(required)}")
    if unknown := set(entry) - {*required, *optional}:
        raise ValueError(f"{where}: unknown {', '.join(sorted(unknown))}")
    if missing := [key for key in required if key not in entry]:
        raise ValueError(f"{where}: {', '.join(missing)} missing")


def content_kinds(settings: dict) -> dict[str, Kind]:
    """{name: Kind} for every kind, in the order of CONTENT_KINDS; ValueError as
    kind_from_entry. Asked for thousands of times a build, so made once per CONTENT_KINDS
    (its entries are plain data, so their repr tells them apart)."""
    entries = settings["CONTENT_KINDS"]
    if not _LAST or _LAST[0] is not entries:  # repr is 0.1 s a build at 300 articles
        key = repr(entries)
        if key not in _MADE:
            _MADE[key] = {name: kind_from_entry(name, entry) for name, entry in entries.items()}
        _LAST[:] = [entries, _MADE[key]]
    return dict(_LAST[1])


_MADE = {}  # repr(CONTENT_KINDS) -> {name: Kind}; Kinds are frozen
_LAST = []  # [the CONTENT_KINDS last asked about, its kinds]: a build asks with one object


def own_kinds(settings: dict) -> dict[str, Kind]:
    """{folder: Kind} for the kinds of our own (those with a template); an article names
    pages of these by slug, in a field named after the folder (`services: [slug, …]`)."""
    return {kind.folder: kind for kind in content_kinds(settings).values() if kind.own}
