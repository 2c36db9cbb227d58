"""The whole test suite on a clean clone whose content/ has grown to N articles: do the
invariants hold, and how long does CI take? (issue 25: 1, 30, 100 and 300 articles.)

The clone's content/ is bench/grown_content.py's, committed, then one article is edited in
a commit of its own, as an editor's change reaches CI; the image cache is copied in warm,
as CI keeps it. Then `.ci/run`, CI's own script, runs there.

    uv run python -m bench.grown_suite 300 --log /tmp/suite-300.log
"""

import argparse
import os
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


def run_suite(articles, log):
    """(seconds, exit code) of `.ci/run` at `articles` articles; its output goes to `log`."""
    with tempfile.TemporaryDirectory() as folder, open(log, "w") as output:
        clone = grown_clone(folder, articles)
        started = time.perf_counter()
        environment = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
        run = subprocess.run(
            ["bash", ".ci/run"],
            cwd=clone,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
            check=False,
        )
        return time.perf_counter() - started, run.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--log", type=Path, default=Path("grown-suite.log"))
    arguments = parser.parse_args()
    seconds, code = run_suite(arguments.articles, arguments.log)
    print(f".ci/run at {arguments.articles} articles: exit {code} after {seconds:.0f} s")


if __name__ == "__main__":
    main()
