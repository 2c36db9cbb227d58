"""Timing and memory of one build, each in its own process, as editors and CI run it."""

import os
import statistics
import subprocess
import sys
import time
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


def build(kind, content, output, *extra):
    """Run one Pelican build; return (seconds, peak RSS in MiB)."""
    command = [
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
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"build failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def median(values):
    return statistics.median(values)
