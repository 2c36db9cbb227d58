"""From saving a Markdown file to the browser showing the new page, under `invoke livereload`.

Runs the real task on a copy of the project with the fixture site as its content (so the
team's content is never touched and the measurement does not change with it), with
Chromium watching the page, and times each save until the new words are on screen.
"""

import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from pelican.settings import get_settings_from_file
from playwright.sync_api import sync_playwright

from tools.chromium import CHROMIUM, CHROMIUM_ARGS

from .measure import ROOT, median

SETTINGS = get_settings_from_file(str(ROOT / "pelican.conf.py"))
PAGE = f"http://{SETTINGS['PREVIEW_HOST']}:{SETTINGS['PREVIEW_PORT']}/kontakt/"
EDITED = Path("content/pages/kontakt.md")
CONTENT = ROOT / "tests" / "fixtures" / "site"
COPIED = [
    *("theme", "plugins", "site_model", "tools", "tasks.py", "pelican.conf.py", "publishconf.py"),
]


def wait_until_served(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def reload_latencies(runs):
    """Median seconds from save to the reloaded page, and every sample."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for name in COPIED:
            source = ROOT / name
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, project / name)
        shutil.copytree(CONTENT, project / "content")
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            wait_until_served(PAGE)
            samples = measure(project / EDITED, runs)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=20)
    return {"median": median(samples), "samples": samples}


def measure(markdown, runs):
    original = markdown.read_text("utf-8")
    samples = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(PAGE)
        page.wait_for_timeout(2000)  # the watcher's first look finds every file new
        for run in range(runs):
            marker = f"Mätpunkt {run}"
            page.wait_for_timeout(1000)  # let the watcher settle between saves
            started = time.perf_counter()
            markdown.write_text(original + f"\n{marker}\n", "utf-8")
            page.get_by_text(marker).wait_for(timeout=15000)
            samples.append(time.perf_counter() - started)
        browser.close()
    return samples
