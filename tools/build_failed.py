"""What the preview shows when a build fails: the last good build, with a banner on every
page naming each problem the build stopped on (`path:line: what — fix`).

The CMS in /admin/ says "saved" whether or not the site builds, and the terminal that runs
`invoke livereload` is out of sight; the preview tab is where an editor looks. The next
good build replaces every page (tasks.build_site); a failed one replaces the banner.
"""

import re
from html import escape
from pathlib import Path

BODY = re.compile(r"<body[^>]*>")
MARK = "data-build-failed"
EARLIER = re.compile(rf"<div {MARK}[^>]*>.*?</div>", re.DOTALL)  # the banner has no <div>
ADMIN = "admin"  # the CMS's own page: it has no room for the banner, and needs none
# Inline style: the preview has no Content-Security-Policy (tasks.PREVIEW_SETTINGS), and the
# banner must not depend on the site's style sheet, which the failed change may have broken.
# Sticky, at the top of the view: the editor may be anywhere on the page when saving, and the
# tab's reload (livereload.js) keeps the element that was at the top in place, so a banner
# above it was just out of sight. At most half the view, scrolled by itself (tabindex: by
# keyboard too), so a long list of problems cannot hide the page.
BANNER = (
    f'<div {MARK} role="alert" tabindex="0" style="position:sticky;top:0;z-index:2147483647;'
    "max-height:50vh;overflow:auto;background:#fff3cd;color:#3d2c00;"
    'border-bottom:3px solid #b8860b;padding:1rem;font:1rem/1.5 system-ui,sans-serif">'
    "<strong>Bygget misslyckades.</strong> Sidan visar det senaste lyckade bygget. "
    "Rätta det här och spara igen:<ul>{items}</ul></div>"
)
NO_PROBLEMS = "<li>se terminalen där <code>invoke livereload</code> körs</li>"
EMPTY_PAGE = (
    '<!doctype html><html lang="sv"><meta charset="utf-8">'
    "<title>Bygget misslyckades</title><body></body>"
)


def show_failure(output: Path, problems: list[str]) -> None:
    """Put a banner listing `problems` (none: a failure the terminal explains) on every page
    in `output`, in place of an earlier one; or a start page with it when there is no
    earlier build."""
    items = "".join(f"<li><code>{escape(problem)}</code></li>" for problem in problems)
    banner = BANNER.format(items=items or NO_PROBLEMS)
    pages = [page for page in output.rglob("*.html") if page.relative_to(output).parts[0] != ADMIN]
    if not pages:
        output.mkdir(parents=True, exist_ok=True)
        (output / "index.html").write_text(EMPTY_PAGE, "utf-8")
        pages = [output / "index.html"]
    for page in pages:
        html = EARLIER.sub("", page.read_text("utf-8"), count=1)
        page.write_text(BODY.sub(lambda body: body[0] + banner, html, count=1), "utf-8")
