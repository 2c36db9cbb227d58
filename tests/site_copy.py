"""A content tree for one test: the fixture site's (tests/fixtures/site/), plus whatever
articles the test passes. The tests own every fact they assert."""

import shutil

from conftest import FIXTURE_CONTENT, PRODUCTION_ENV, build


def article(title, front=""):
    return (
        f"---\ntitle: {title}\ndate: 2026-11-20\nauthor: Therése M. Sandberg\n"
        f"summary: En kort sammanfattning.\n{front}---\n\nFörsta stycket.\n"
    )


def write_site(root, articles, gone=None):
    """content/ under root with the given {file name: text} articles; returns content/."""
    content = root / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    files = {f"articles/{name}": text for name, text in articles.items()}
    if gone is not None:
        files["gone.txt"] = gone
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, "utf-8")
    return content


def build_production(root, articles, gone=None):
    """The production build of such a copy; returns (content, output)."""
    content = write_site(root, articles, gone)
    output = root / "output"
    result = build("publishconf.py", output, content=content, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return content, output
