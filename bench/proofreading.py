"""What the spelling and readability notes (plugins/proofreading) add to a build: today's
site built with and without the plugin, alternately, median of 7 each; and the check alone
on today's content and on a site of 100 articles. Run: `uv run python -m bench.proofreading`.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pelican.settings import read_settings

from site_model.proofreading import _speller, proofread, stored

from .content import make_site
from .measure import ROOT

RUNS = 7
SETTINGS = ROOT / "pelican.conf.py"


def build_seconds(output, plugins=None):
    command = [sys.executable, "-m", "pelican", "content", "-s", str(SETTINGS), "-o", str(output)]
    if plugins is not None:
        command += ["-e", f"PLUGINS={json.dumps(plugins)}"]
    started = time.perf_counter()
    subprocess.run(
        command, cwd=ROOT, env={**os.environ, "PYTHONUTF8": "1"}, capture_output=True, check=True
    )
    return time.perf_counter() - started


def check_seconds(content, saved=None):
    """Seconds of one proofreading: cold (a new process's), or after `saved` was saved
    in a process that had read everything (live reload's)."""
    settings = read_settings(str(SETTINGS), override={"PATH": str(content)})
    stored.FOLDER = Path(tempfile.mkdtemp())  # nothing kept from an earlier build
    stored._MEMORY.clear()
    _speller.cache_clear()
    if saved:
        proofread(settings)
        saved.write_text(saved.read_text("utf-8") + "\nEn ny mening om frobnicering.\n", "utf-8")
    started = time.perf_counter()
    result = proofread(settings)
    return time.perf_counter() - started, result


def main():
    plugins = read_settings(str(SETTINGS))["PLUGINS"]
    without = [name for name in plugins if name != "proofreading"]
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "output"
        build_seconds(output)  # warm the image and card caches
        pairs = [(build_seconds(output), build_seconds(output, without)) for _ in range(RUNS)]
        with_notes, bare = (statistics.median(side) for side in zip(*pairs, strict=True))
        print(f"build of today's site: {with_notes:.2f} s with the notes, {bare:.2f} s without:")
        print(f"  +{with_notes - bare:.2f} s (medians of {RUNS}, built alternately)")
        today = [check_seconds(ROOT / "content")[0] for _ in range(RUNS)]
        print(f"the check alone, today's content: {statistics.median(today):.2f} s cold")
        big = make_site(folder, 100)
        runs = [check_seconds(big) for _ in range(3)]
        saved = [check_seconds(big, big / "articles" / "artikel-0007.md")[0] for _ in range(3)]
        result = runs[0][1]
        words = sum(page.words for page in result.pages)
        print(
            f"the check alone, 100 articles ({words:,} words, {len(result.notes)} notes): "
            f"{statistics.median(s for s, _ in runs):.2f} s cold, "
            f"{statistics.median(saved):.2f} s after saving one (medians of 3)"
        )


if __name__ == "__main__":
    main()
