"""A tiny content tree, written by the test that uses it: the start and contact pages the
theme needs, plus whatever articles the test passes. The test owns every fact it asserts."""

from conftest import PRODUCTION_ENV, build

START = """---
title: Start
template: start
save_as: index.html
url: ""
summary: Startsidan.
---

Välkommen.
"""
CONTACT = """---
title: Kontakta oss
template: contact
summary: Skriv till oss.
---

Hör av dig.
"""


def article(title, front=""):
    return (
        f"---\ntitle: {title}\ndate: 2026-11-20\nauthor: Therése M. Sandberg\n"
        f"summary: En kort sammanfattning.\n{front}---\n\nFörsta stycket.\n"
    )


def write_site(root, articles, gone=None):
    """content/ under root with the given {file name: text} articles; returns content/."""
    content = root / "content"
    files = {"pages/start.md": START, "pages/kontakt.md": CONTACT}
    files.update({f"articles/{name}": text for name, text in articles.items()})
    if gone is not None:
        files["gone.txt"] = gone
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, "utf-8")
    return content


def build_production(root, articles, gone=None):
    """The production build of a tiny site; returns (content, output)."""
    content = write_site(root, articles, gone)
    output = root / "output"
    result = build("publishconf.py", output, content=content, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return content, output
