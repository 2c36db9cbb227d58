"""The browser CMS's configuration (admin/config.yml), made from the content schema.

Every field an editor sees comes from plugins/content_checks/schema.py, so the CMS asks
for exactly what the content checks accept; nothing here is written by hand per field.
The format is Decap CMS's (https://decapcms.org/docs/configuration-options/).
"""

# Swedish names of each kind of content in the CMS: (the list, one of them).
KIND_LABELS = {
    "article": ("Artiklar", "Artikel"),
    "service": ("Tjänster", "Tjänst"),
    "page": ("Sidor", "Sida"),
}
# Pages are made by a developer (a template, an address); editors change their text.
FIXED_KINDS = {"page"}
ISO_DATE = "YYYY-MM-DD"  # as the content checks want dates
BODY = {"label": "Text", "name": "body", "widget": "markdown", "required": False}


def cms_field(field, settings):
    entry = {"label": field.label, "name": field.name, "widget": field.widget}
    entry["required"] = field.required
    if field.hint:
        entry["hint"] = field.hint
    if field.default_setting:
        entry["default"] = settings[field.default_setting]
    if field.widget == "datetime":
        entry.update(format=ISO_DATE, date_format=ISO_DATE, time_format=False)
        if field.required:
            entry["default"] = "{{now}}"  # a new article is dated today, as `invoke new` does
    elif field.widget == "number":
        entry.update(value_type="int", min=1)
    elif field.widget == "select":
        entry["options"] = [{"label": label, "value": value} for value, label in field.options]
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


def collection(kind, where, settings, schema):
    folder = where["folder"]
    plural, singular = KIND_LABELS.get(kind, (folder.capitalize(), kind.capitalize()))
    fields = schema.fields_of(kind, settings["CONTENT_KINDS"])
    fields.sort(key=lambda field: field.widget == "hidden")  # an editor's fields first
    entry = {
        "name": folder,
        "label": plural,
        "label_singular": singular,
        "folder": f"{settings['CMS_CONTENT_FOLDER']}/{folder}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": kind not in FIXED_KINDS,
        "delete": kind not in FIXED_KINDS,
        "slug": "{{slug}}",
        "fields": [*(cms_field(field, settings) for field in fields), BODY],
    }
    if "{slug}" in where["url"] and kind not in FIXED_KINDS:
        entry["preview_path"] = where["url"].replace("{slug}", "{{slug}}")
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


def cms_config(settings, schema):
    """The whole configuration, as a dict for YAML; `schema` is content_checks.schema."""
    kinds = settings["CONTENT_KINDS"]
    linked = set(schema.linked_kinds(kinds).values())
    # The menu: articles, then the kinds articles link to (services), then the pages.
    order = sorted(kinds, key=lambda kind: (kind == "page", kind in linked))
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
        "collections": [collection(kind, kinds[kind], settings, schema) for kind in order],
    }
    if settings["CMS_LOCAL_BACKEND"]:
        # Only on 127.0.0.1/localhost does Decap look for decap-server (`invoke livereload`).
        config["local_backend"] = {"url": settings["CMS_LOCAL_BACKEND"]}
    return config
