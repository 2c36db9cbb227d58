"""From saving a Markdown file to the browser showing the new page, under `invoke livereload`.

Runs the real task on a copy of the project with the fixture site as its content (so the
team's content is never touched and the measurement does not change with it), or with the
real content grown to N articles (bench/grown_content.py, one article saved), with
Chromium watching the page, and times each save until the new words are on screen.

    uv run python -m bench.livereload_latency --articles 300
"""

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pelican.settings import get_settings_from_file
from playwright.sync_api import sync_playwright

from tools.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.static_server import wait_until_served

from .grown_content import grow
from .measure import ROOT, median

SETTINGS = get_settings_from_file(str(ROOT / "pelican.conf.py"))
PREVIEW = f"http://{SETTINGS['PREVIEW_HOST']}:{SETTINGS['PREVIEW_PORT']}"
CONTENT = ROOT / "tests" / "fixtures" / "site"
COPIED = [
    *("theme", "plugins", "site_model", "tools", "tasks.py", "pelican.conf.py", "publishconf.py"),
]


def reload_latencies(runs, articles=None, pause=1.0):
    """Median seconds from save to the reloaded page, and every sample: on the fixture site,
    or on the real content grown to `articles`; `pause` seconds between a reload and the
    next save."""
    # Beside the project, on the editor's own disk: this machine's /tmp writes files about
    # three times slower than its project disk, which would be measured as the site's cost.
    with tempfile.TemporaryDirectory(prefix=".livereload-bench-", dir=ROOT) as folder:
        project = Path(folder)
        for name in COPIED:
            source = ROOT / name
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, project / name)
        if articles is None:
            shutil.copytree(CONTENT, project / "content")
            edited, page = Path("content/pages/kontakt.md"), f"{PREVIEW}/kontakt/"
        else:
            grow(project, articles)
            # The photos encoded once, as on the editor's machine after the first build.
            if (ROOT / "cache" / "images").exists():
                shutil.copytree(ROOT / "cache" / "images", project / "cache" / "images")
            middle = f"artikel-{articles // 2:04d}"
            edited, page = Path(f"content/articles/{middle}.md"), f"{PREVIEW}/artiklar/{middle}/"
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            wait_until_served(page, server, seconds=600)
            samples = measure(project / edited, page, runs, pause)
        finally:
            # `kill`, which stops it as Ctrl+C does: SIGINT is ignored by a process started
            # in the background of a shell, and so by the preview it starts.
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
    return {"median": median(samples), "samples": samples}


def measure(markdown, page_url, runs, pause):
    original = markdown.read_text("utf-8")
    samples = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(page_url)
        page.wait_for_timeout(2000)  # the watcher's first look finds every file new
        for run in range(runs):
            marker = f"Mätpunkt {run}"
            page.wait_for_timeout(pause * 1000)  # let the watcher settle between saves
            started = time.perf_counter()
            markdown.write_text(original + f"\n{marker}\n", "utf-8")
            page.get_by_text(marker).wait_for(timeout=15000)
            samples.append(time.perf_counter() - started)
        browser.close()
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, help="grow the real content to this many")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between saves")
    arguments = parser.parse_args()
    print(reload_latencies(arguments.runs, arguments.articles, arguments.pause))


if __name__ == "__main__":
    main()
