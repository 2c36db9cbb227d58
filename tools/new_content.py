"""`invoke new`: start an article or a service as a draft with complete front matter."""

import datetime
from pathlib import Path

import yaml
from pelican.utils import slugify

FOLDERS = {"article": "articles", "service": "services"}


def front_matter(kind, title, today, author, content_root):
    if kind == "article":
        return {"title": title, "date": today, "author": author, "summary": "", "status": "draft"}
    orders = [
        yaml.safe_load(path.read_text("utf-8").split("---")[1]).get("order", 0)
        for path in (content_root / FOLDERS["service"]).glob("*.md")
    ]
    return {"title": title, "summary": "", "order": max(orders, default=0) + 1, "status": "draft"}


def new_content(kind, title, content_root, author, slug_substitutions, today=None):
    """Write content/<kind folder>/<slug>.md and return its path; refuse to overwrite."""
    if kind not in FOLDERS:
        raise SystemExit(f"new: the kind must be {' or '.join(FOLDERS)}, not '{kind}'")
    content_root = Path(content_root)
    path = content_root / FOLDERS[kind] / f"{slugify(title, regex_subs=slug_substitutions)}.md"
    if path.exists():
        raise SystemExit(f"new: {path} exists already — edit it, or choose another title")
    meta = front_matter(kind, title, today or datetime.date.today(), author, content_root)
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{header}---\n\n", encoding="utf-8")
    return path
