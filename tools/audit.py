"""`invoke audit`: Lighthouse, mobile, on the pages readers land on. A measurement, not a test.

Builds the site with the production pipeline (inline CSS, minified HTML, CSP) but with
SITEURL pointing at a local server, serves it on 127.0.0.1, and runs the npm package
`lighthouse` (pinned in package-lock.json) against the system Chromium.
"""

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tools.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.static_server import serving

ROOT = Path(__file__).resolve().parent.parent
# The start page, and the first article, service and contact page that it links to:
# whatever the editors have named them.
FIRST_LINKS = ["#artikel-rubrik a", ".cards a", ".actions a"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse(url, report):
    subprocess.run(
        [
            str(ROOT / "node_modules/.bin/lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    data = json.loads(Path(report).read_text())
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def markdown_table(scores):
    lines = ["| page | " + " | ".join(CATEGORIES) + " |", "| --- |" + " ---: |" * len(CATEGORIES)]
    for page, row in scores.items():
        lines.append(f"| {page} | " + " | ".join(str(row[c]) for c in CATEGORIES) + " |")
    return "\n".join(lines) + "\n"


def pages_to_audit(folder, siteurl):
    from bs4 import BeautifulSoup  # a test dependency; publishing must not need it

    start = BeautifulSoup((Path(folder) / "index.html").read_text("utf-8"), "html.parser")
    links = [start.select_one(selector) for selector in FIRST_LINKS]
    return ["/", *(link["href"].removeprefix(siteurl) for link in links if link)]


def run_audit(build, out_dir):
    """`build(folder, siteurl)` fills a folder; the scores go to out_dir as JSON and Markdown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, serving(folder) as siteurl:
        build(Path(folder), siteurl)
        pages = pages_to_audit(folder, siteurl)
        scores = {page: lighthouse(siteurl + page, out_dir / "last-report.json") for page in pages}
    (out_dir / "lighthouse.json").write_text(json.dumps(scores, indent=2) + "\n")
    (out_dir / "lighthouse.md").write_text(markdown_table(scores))
    return scores
