"""Timing and peak memory of one build, each in its own process, as editors and CI run it."""

import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OURS = {
    "settings": ROOT / "publishconf.py",
    "env": {
        "SITEURL": "https://bench.invalid",
        "CONTACT_FORM_ENDPOINT": "https://formspree.io/f/bench",
    },
}
BARE = {"settings": ROOT / "bench" / "bare_settings.py", "env": {}}
# A small process starts the build and reports on it. A child forked straight from this
# (large) process would count this process's memory in its own peak RSS.
TIMER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "seconds = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(seconds, peak, file=sys.stderr)\n"
    "sys.exit(done.returncode)\n"
)


def build(kind, content, output, *extra):
    """Run one Pelican build; return (seconds, peak RSS in MiB)."""
    pelican = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(kind["settings"]),
        "-o",
        str(output),
        "-q",
        *extra,
    ]
    env = {**os.environ, "PYTHONUTF8": "1", **kind["env"]}
    done = subprocess.run(
        [sys.executable, "-c", TIMER, *pelican], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"build failed:\n{done.stderr[-2000:]}")
    seconds, peak_kib = done.stderr.split()[-2:]
    return float(seconds), int(peak_kib) / 1024


def median(values):
    return statistics.median(values)
