"""`invoke new`: start a piece of content of any kind but "page", as a draft with complete
front matter. The kinds and their folders come from CONTENT_KINDS in pelican.conf.py."""

import datetime
from pathlib import Path

import yaml
from pelican.utils import slugify


def front_matter(kind, title, today, author, folder):
    if kind == "article":
        return {"title": title, "date": today, "author": author, "summary": "", "status": "draft"}
    # A kind of our own is listed in `order:`; a new one goes last.
    orders = [
        yaml.safe_load(path.read_text("utf-8").split("---")[1]).get("order", 0)
        for path in folder.glob("*.md")
    ]
    return {"title": title, "summary": "", "order": max(orders, default=0) + 1, "status": "draft"}


def new_content(kind, title, content_root, settings, today=None):
    """Write content/<kind's folder>/<slug>.md and return its path; refuse to overwrite."""
    kinds = [name for name in settings["CONTENT_KINDS"] if name != "page"]
    if kind not in kinds:
        raise SystemExit(f"new: the kind must be {' or '.join(kinds)}, not '{kind}'")
    folder = Path(content_root) / settings["CONTENT_KINDS"][kind]["folder"]
    slug = slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    path = folder / f"{slug}.md"
    if path.exists():
        raise SystemExit(f"new: {path} exists already — edit it, or choose another title")
    meta = front_matter(kind, title, today or datetime.date.today(), settings["AUTHOR"], folder)
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{header}---\n\n", encoding="utf-8")
    return path
