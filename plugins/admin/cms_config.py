"""The browser CMS's configuration (admin/config.yml), made from the content schema.

Every collection is a kind of content (site_model/kinds.py, with its Swedish labels) and
every field an editor sees comes from site_model/schema.py, so the CMS asks for exactly
what the content checks accept; nothing here is written by hand per kind or field.
The format is Decap CMS's (https://decapcms.org/docs/configuration-options/).
"""

from site_model.kinds import content_kinds
from site_model.schema import fields_of

ISO_DATE = "YYYY-MM-DD"  # as the content checks want dates
# The text's toolbar: every button of Decap's Markdown editor but "Rubrik 1", which the
# content checks refuse (the title is the page's one main heading).
TEXT_BUTTONS = ["bold", "italic", "strikethrough", "code", "link"]
TEXT_BUTTONS += [f"heading-{n}" for n in ("two", "three", "four", "five", "six")]
TEXT_BUTTONS += ["quote", "bulleted-list", "numbered-list"]
BODY = {
    "label": "Text",
    "name": "body",
    "widget": "markdown",
    "required": False,
    "buttons": TEXT_BUTTONS,
}


def author_pick(settings):
    """An article's author, picked by name from the coaches' pages (AUTHOR_PROFILES), as
    the content checks require: no name the byline cannot link."""
    kind = content_kinds(settings).get(settings.get("AUTHOR_PROFILES") or "")
    if kind is None:
        return {}
    return {
        "widget": "relation",
        "collection": kind.folder,
        "value_field": "{{title}}",
        "search_fields": ["title"],
        "display_fields": ["title"],
        "multiple": False,
    }


def cms_field(field, settings):
    entry = {"label": field.label, "name": field.name, "widget": field.widget}
    if field.name == "author":
        entry.update(author_pick(settings))
    entry["required"] = field.required
    if field.hint:
        entry["hint"] = field.hint
    if field.default_setting:
        entry["default"] = settings[field.default_setting]
    if field.widget == "datetime":
        entry.update(format=ISO_DATE, date_format=ISO_DATE, time_format=False)
        if field.today_by_default:
            entry["default"] = "{{now}}"  # a new article is dated today, as `invoke new` does
    elif field.widget == "number":
        entry.update(value_type="int", min=1)
    elif field.widget == "select":
        entry["options"] = [{"label": label, "value": value} for value, label in field.options]
    elif field.widget == "list" and field.subfields:
        entry["fields"] = [cms_field(subfield, settings) for subfield in field.subfields]
    elif field.widget == "image":
        entry["choose_url"] = False  # a photo from the repository, never another site's
    elif field.widget == "relation":
        # An article names services by file name (slug), picked from the services' titles.
        entry.update(
            collection=field.name,
            value_field="{{slug}}",
            search_fields=["title"],
            display_fields=["title"],
            multiple=True,
        )
    return entry


def collection(kind, settings):
    fields = fields_of(kind.name, settings)
    fields.sort(key=lambda field: field.widget == "hidden")  # an editor's fields first
    entry = {
        "name": kind.folder,
        "label": kind.label_plural,
        "label_singular": kind.label,
        "folder": f"{settings['CMS_CONTENT_FOLDER']}/{kind.folder}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": kind.editors_create,
        "delete": kind.editors_create,
        "slug": "{{slug}}",
        "fields": [*(cms_field(field, settings) for field in fields), BODY],
    }
    if "{slug}" in kind.url and kind.editors_create:
        entry["preview_path"] = kind.url.replace("{slug}", "{{slug}}")
    return entry


# Commit messages and pull-request titles in Swedish; {{collection}} is "Artikel", "Tjänst", …
COMMIT_MESSAGES = {
    "create": "Skapa {{collection}} ”{{slug}}”",
    "update": "Uppdatera {{collection}} ”{{slug}}”",
    "delete": "Radera {{collection}} ”{{slug}}”",
    "uploadMedia": "Ladda upp ”{{path}}”",
    "deleteMedia": "Radera ”{{path}}”",
}


def backend(settings):
    github = {
        "name": "github",
        "repo": settings["CMS_REPO"],
        "branch": settings["CMS_BRANCH"],
        "commit_messages": COMMIT_MESSAGES,
    }
    if settings["CMS_AUTH_URL"]:
        github["base_url"] = settings["CMS_AUTH_URL"]
    return github


def cms_config(settings):
    """The whole configuration, as a dict for YAML."""
    kinds = content_kinds(settings).values()
    # The menu: articles, then the kinds articles link to (services), then the pages.
    order = sorted(kinds, key=lambda kind: (not kind.editors_create, kind.own))
    config = {
        "backend": backend(settings),
        # Saving opens a pull request: CI checks it, merging publishes.
        "publish_mode": "editorial_workflow",
        "locale": "sv",
        "site_url": settings["SITE_ORIGIN"],
        "media_folder": f"{settings['CMS_CONTENT_FOLDER']}/{settings['STATIC_PATHS'][0]}",
        # Pelican resolves {static} from the content folder, as the content checks do.
        "public_folder": f"{{static}}/{settings['STATIC_PATHS'][0]}",
        # File names as the site wants them: ASCII, å/ä → a, ö → o.
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [collection(kind, settings) for kind in order],
    }
    if settings["CMS_LOCAL_BACKEND"]:
        # Only on 127.0.0.1/localhost does Decap look for decap-server (`invoke livereload`).
        config["local_backend"] = {"url": settings["CMS_LOCAL_BACKEND"]}
    return config
