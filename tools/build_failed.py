"""What the preview shows when a build fails: the last good build, with a banner on every
page naming each problem as the build reported it (`path:line: what — fix`).

The CMS in /admin/ says "saved" whether or not the site builds, and the terminal that runs
`invoke livereload` is out of sight; the preview tab is where an editor looks. The next
good build replaces every page, banner and all (tasks.build_site).
"""

import io
import re
from html import escape
from pathlib import Path

PROBLEM = re.compile(r"^\S[^:\n]*:\d+: .+$", re.MULTILINE)  # site_model.checks.Problem
BODY = re.compile(r"<body[^>]*>")
ADMIN = "admin"  # the CMS's own page: it has no room for the banner, and needs none
# Inline style: the preview has no Content-Security-Policy (tasks.PREVIEW_SETTINGS), and the
# banner must not depend on the site's style sheet, which the failed change may have broken.
BANNER = (
    '<div role="alert" style="background:#fff3cd;color:#3d2c00;border-bottom:3px solid #b8860b;'
    'padding:1rem;font:1rem/1.5 system-ui,sans-serif">'
    "<strong>Bygget misslyckades.</strong> Sidan visar det senaste lyckade bygget. "
    "Rätta det här och spara igen:<ul>{items}</ul></div>"
)
NO_LINES = "<li>se terminalen där <code>invoke livereload</code> körs</li>"


class Tee(io.TextIOBase):
    """A text stream that writes to each of `streams`."""

    def __init__(self, *streams):
        self.streams = streams

    def write(self, text):
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self):
        for stream in self.streams:
            stream.flush()


def show_failure(output: Path, said: str) -> None:
    """Put a banner with the problems in `said` (the build's stderr) on every page in
    `output`, or write a start page with it when there is no earlier build."""
    items = "".join(f"<li><code>{escape(line)}</code></li>" for line in PROBLEM.findall(said))
    banner = BANNER.format(items=items or NO_LINES)
    pages = [page for page in output.rglob("*.html") if ADMIN not in page.relative_to(output).parts]
    if not pages:
        output.mkdir(parents=True, exist_ok=True)
        page = '<!doctype html><html lang="sv"><title>Bygget misslyckades</title><body></body>'
        (output / "index.html").write_text(page, "utf-8")
        pages = [output / "index.html"]
    for page in pages:
        html = page.read_text("utf-8")
        page.write_text(BODY.sub(lambda body: body[0] + banner, html, count=1), "utf-8")
