"""`invoke new`: start a piece of content of any kind editors create (not "page"), as a
draft with complete front matter: every required field of its kind (site_model/schema.py).
The kinds and their folders come from CONTENT_KINDS in pelican.conf.py."""

import datetime
from pathlib import Path

import yaml

from site_model.addresses import file_slug
from site_model.checks.source import read_source
from site_model.kinds import content_kinds
from site_model.schema import fields_of


def next_order(folder):
    # A kind of our own is listed in `order:`; a new one goes last. Read as the checks read.
    sources = (read_source(path, str(path), "")[0] for path in folder.glob("*.md"))
    orders = [source.meta.get("order", 0) for source in sources if source is not None]
    return max((order for order in orders if isinstance(order, int)), default=0) + 1


def starting_value(field, title, today, settings, folder):
    if field.name == "title":
        return title
    if field.default_setting:
        return settings[field.default_setting]
    if field.today_by_default:
        return today
    if field.widget == "number":
        return next_order(folder)
    return ""  # what the editor writes (the summary, a consent date) starts empty


def front_matter(kind, title, today, settings, folder):
    fields = fields_of(kind, settings)
    meta = {
        field.name: starting_value(field, title, today, settings, folder)
        for field in fields
        if field.required
    }
    return {**meta, "status": "draft"}


def new_content(kind, title, content_root, settings, today=None):
    """Write content/<kind's folder>/<slug>.md and return its path; refuse to overwrite."""
    kinds = {name: k for name, k in content_kinds(settings).items() if k.editors_create}
    if kind not in kinds:
        raise SystemExit(f"new: typen ska vara {' eller '.join(kinds)}, inte '{kind}'")
    folder = Path(content_root) / kinds[kind].folder
    slug = file_slug(title, settings)
    path = folder / f"{slug}.md"
    if path.exists():
        raise SystemExit(f"new: {path} finns redan — ändra i den, eller välj en annan titel")
    meta = front_matter(kind, title, today or datetime.date.today(), settings, folder)
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{header}---\n\n", encoding="utf-8")
    return path
