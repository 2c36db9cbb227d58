"""Seconds to draw the link-preview cards (plugins/share_cards) of a site with 100
articles, cold (an empty card cache) and cached, as the plugin logs them: medians of 3
production builds each. Run: `uv run python -m bench.share_cards`."""

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
RUNS = 3
LOGGED = re.compile(r"share_cards: (\d+) delningsbilder ritade, (\d+) från cachen \((\d+\.\d+) s\)")


def cards(content, output, cache):
    """(drawn, cached, seconds) of one production build, as share_cards logs them."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(OURS["settings"])]
    command += ["-o", str(output), "-e", f'SHARE_CARDS_CACHE="{cache}"']
    env = {**os.environ, "PYTHONUTF8": "1", "COLUMNS": "200", **OURS["env"]}
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    drawn, cached, seconds = LOGGED.search(done.stdout + done.stderr).groups()
    return int(drawn), int(cached), float(seconds)


def main():
    with tempfile.TemporaryDirectory() as folder:
        content, output = make_site(folder, ARTICLES), Path(folder) / "output"
        cold = [cards(content, output, Path(folder) / f"cold-{run}") for run in range(RUNS)]
        warm = [cards(content, output, Path(folder) / "cold-0") for _ in range(RUNS)]
        sizes = [f.stat().st_size for f in (output / "delning").glob("*.png")]
    for name, runs in (("cold", cold), ("cached", warm)):
        seconds = statistics.median(s for *_, s in runs)
        print(f"{name}: {runs[0][0]} drawn, {runs[0][1]} from the cache, {seconds:.2f} s")
    print(f"cards: {len(sizes)}, largest {max(sizes):,} B, median {statistics.median(sizes):,} B")


if __name__ == "__main__":
    main()
