"""The whole test suite on a clean clone whose content/ has grown to N articles: do the
invariants hold, and how long does CI take? (issue 25: 1, 30, 100 and 300 articles.)

The clone's content/ is bench/grown_content.py's, committed, then one article is edited in
a commit of its own, as an editor's change reaches CI; the image cache is copied in warm,
as CI keeps it. Then `.ci/run`, CI's own script, runs there.

    uv run python -m bench.grown_suite 300          # prints seconds and the last lines
"""

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .grown_content import grow
from .measure import ROOT


def git(folder, *arguments):
    who = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run(["git", *who, *arguments], cwd=folder, check=True, capture_output=True)


def grown_clone(folder, articles):
    """A clone of HEAD with content/ grown to `articles` and one article edited since."""
    clone = Path(folder) / "clone"
    git(ROOT, "clone", "--quiet", str(ROOT), str(clone))
    shutil.rmtree(clone / "content")
    shutil.copytree(grow(Path(folder) / "grown", articles), clone / "content")
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "grown")
    edited = sorted((clone / "content" / "articles").glob("*.md"))[-1]
    edited.write_text(edited.read_text("utf-8") + "\nEn mening till.\n", "utf-8")
    git(clone, "commit", "-qam", "edit")
    if (ROOT / "cache" / "images").exists():
        shutil.copytree(ROOT / "cache" / "images", clone / "cache" / "images")
    return clone


def run_suite(articles):
    """(seconds, exit code, the run's last lines) of `.ci/run` at `articles` articles."""
    with tempfile.TemporaryDirectory() as folder:
        clone = grown_clone(folder, articles)
        started = time.perf_counter()
        run = subprocess.run(
            ["bash", ".ci/run"], cwd=clone, capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - started
        return seconds, run.returncode, (run.stdout + run.stderr).splitlines()[-15:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    seconds, code, tail = run_suite(parser.parse_args().articles)
    print("\n".join(tail))
    print(f".ci/run: exit {code} after {seconds:.0f} s")


if __name__ == "__main__":
    main()
