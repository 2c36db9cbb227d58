"""`invoke audit`: Lighthouse, mobile, on the pages readers land on. Run by hand, not in CI.

Builds the site with the production pipeline (inline CSS and script, minified HTML, CSP) with
SITEURL pointing at a local server that serves it as the real hosts do (https, kept-alive
connections, gzip: tools/static_server.py), and runs the npm package `lighthouse` (pinned in
package-lock.json) against the system Chromium, three times a page: one run's LCP can move by
a tenth of a second, so the median is reported, with each category's lowest score. It fails
if a page misses the goals of docs/quality.md: every category 100 in every run, median LCP
at most LCP_GOAL seconds.
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
RUNS = 3
LCP_GOAL = 1.0  # seconds, the median run's, on Lighthouse's simulated slow phone
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile screen
# The certificate is a throwaway one of our own; everything else is as a phone sees it.
TRUST_OUR_CERTIFICATE = "--ignore-certificate-errors"


def lighthouse(url, report):
    subprocess.run(
        [
            str(ROOT / "node_modules/.bin/lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags=--headless=new {TRUST_OUR_CERTIFICATE} {' '.join(CHROMIUM_ARGS)}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    data = json.loads(Path(report).read_text())
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    lcp = data["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    return {**scores, "lcp": round(lcp, 2)}


# Lighthouse 12.2.3 cannot name the LCP element in Chromium 156 (its TraceElements gatherer
# fails), so the browser names it: the last `largest-contentful-paint` entry's element.
LCP_ELEMENT = """() => new Promise((done) => new PerformanceObserver((list) => {
  const element = list.getEntries().at(-1).element;
  done(element ? element.outerHTML.slice(0, 80) : "");
}).observe({type: "largest-contentful-paint", buffered: true}))"""


def lcp_elements(urls):
    """{url: the start of the LCP element's HTML} on a phone-sized screen."""
    from playwright.sync_api import sync_playwright  # a test dependency, like bs4

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE, ignore_https_errors=True)
        elements = {}
        for url in urls:
            page.goto(url)
            elements[url] = page.evaluate(LCP_ELEMENT)
        browser.close()
    return elements


def summary(url, report):
    """Of RUNS runs: each category's lowest score, the median LCP, and every run's LCP."""
    runs = [lighthouse(url, report) for _ in range(RUNS)]
    lcps = sorted(run["lcp"] for run in runs)
    lowest = {name: min(run[name] for run in runs) for name in CATEGORIES}
    return {**lowest, "lcp": lcps[RUNS // 2], "lcp runs": lcps}


def markdown_table(scores):
    columns = [*CATEGORIES, "lcp"]
    lines = ["| page | " + " | ".join(columns) + " | LCP runs | LCP element |"]
    lines.append("| --- |" + " ---: |" * len(columns) + " --- | --- |")
    for page, row in scores.items():
        cells = " | ".join(str(row[c]) for c in columns)
        runs = ", ".join(f"{lcp:.2f}" for lcp in row["lcp runs"])
        lines.append(f"| {page} | {cells} s | {runs} | `{row['lcp element'][:60]}` |")
    return "\n".join(lines) + "\n"


def missed_goals(scores):
    """What misses docs/quality.md's goals, a line a page; empty when every goal is met."""
    missed = []
    for page, row in scores.items():
        low = [f"{name} {row[name]}" for name in CATEGORIES if row[name] < 100]
        slow = [f"LCP {row['lcp']} s > {LCP_GOAL} s"] if row["lcp"] > LCP_GOAL else []
        if low or slow:
            missed.append(f"{page}: {', '.join(low + slow)}")
    return missed


def pages_to_audit(folder, siteurl):
    from bs4 import BeautifulSoup  # a test dependency; publishing must not need it

    start = BeautifulSoup((Path(folder) / "index.html").read_text("utf-8"), "html.parser")
    links = [start.select_one(selector) for selector in FIRST_LINKS]
    return ["/", *(link["href"].removeprefix(siteurl) for link in links if link)]


def run_audit(build, out_dir):
    """`build(folder, siteurl)` fills a folder; the scores go to out_dir as JSON and Markdown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, serving(folder, like_production=True) as siteurl:
        build(Path(folder), siteurl)
        pages = pages_to_audit(folder, siteurl)
        report = out_dir / "last-report.json"
        scores = {page: summary(siteurl + page, report) for page in pages}
        elements = lcp_elements([siteurl + page for page in pages])
        for page in pages:
            scores[page]["lcp element"] = elements[siteurl + page]
    (out_dir / "lighthouse.json").write_text(json.dumps(scores, indent=2) + "\n")
    (out_dir / "lighthouse.md").write_text(markdown_table(scores))
    return scores
