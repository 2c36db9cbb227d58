"""Seconds to build the search index (plugins/site_search) of a site with 100 articles,
the firm's size in a few years: the time the plugin logs in a production build, median
of 5 builds, and the index's size. Run: `uv run python -m bench.search_index`."""

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .content import make_site
from .measure import OURS, ROOT

ARTICLES = 100
RUNS = 5
LOGGED = re.compile(r"site_search: (\d+) sidor i sökindexet \((\d+\.\d+) s\)")


def index_seconds(content, output):
    """(pages indexed, seconds) of one production build, as site_search logs them."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(OURS["settings"])]
    env = {**os.environ, "PYTHONUTF8": "1", "COLUMNS": "200", **OURS["env"]}
    done = subprocess.run(
        [*command, "-o", str(output)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    pages, seconds = LOGGED.search(done.stdout + done.stderr).groups()
    return int(pages), float(seconds)


def main():
    with tempfile.TemporaryDirectory() as folder:
        content = make_site(folder, ARTICLES)
        output = Path(folder) / "output"
        runs = [index_seconds(content, output) for _ in range(RUNS)]
        size = sum(f.stat().st_size for f in (output / "pagefind").rglob("*") if f.is_file())
    seconds = [s for _, s in runs]
    print(f"{runs[0][0]} pages indexed; index built in {statistics.median(seconds):.2f} s")
    print(f"(median of {RUNS}: {', '.join(f'{s:.2f}' for s in seconds)}); bundle {size:,} B")


if __name__ == "__main__":
    main()
