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
PAGES = [
    "/",
    "/artiklar/allt-du-behover-veta-om-coaching-och-mentorskap/",
    "/tjanster/executive-coaching/",
    "/kontakt/",
]
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


def run_audit(build, out_dir):
    """`build(folder, siteurl)` fills a folder; the scores go to out_dir as JSON and Markdown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, serving(folder) as siteurl:
        build(Path(folder), siteurl)
        scores = {page: lighthouse(siteurl + page, out_dir / "last-report.json") for page in PAGES}
    (out_dir / "lighthouse.json").write_text(json.dumps(scores, indent=2) + "\n")
    (out_dir / "lighthouse.md").write_text(markdown_table(scores))
    return scores
