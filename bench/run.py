"""The measurements of `invoke bench`: our build against bare Pelican, cached rebuilds, the
real site, and live-reload latency. Runs alternate between the builds compared, on the
same machine, and every figure reported is a median."""

import json
import platform
import shutil
import tempfile
from pathlib import Path

from .content import make_site
from .livereload_latency import reload_latencies
from .measure import BARE, OURS, ROOT, build, median
from .photo_builds import photo_builds

RESULTS = ROOT / "docs" / "performance.json"


def compare(content, workdir, runs):
    """Alternate ours and bare, `runs` times each; medians and the median run-by-run ratio."""
    samples = {"ours": [], "bare": []}
    ratios = []
    for run in range(runs):
        order = [("ours", OURS), ("bare", BARE)][:: 1 if run % 2 == 0 else -1]
        pair = {}
        for name, kind in order:
            output = workdir / f"out-{name}"
            shutil.rmtree(output, ignore_errors=True)
            pair[name] = build(kind, content, output)
            samples[name].append(pair[name])
        ratios.append(pair["ours"][0] / pair["bare"][0])
    return {
        name: {"seconds": median([s for s, _ in runs_]), "peak_mib": median([m for _, m in runs_])}
        for name, runs_ in samples.items()
    } | {"ratio": median(ratios), "ratios": ratios}


def cached_rebuild(content, workdir, runs):
    """Seconds to rebuild after one article changes, with Pelican's content cache warm."""
    cache = workdir / "cache"
    extra = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", f'CACHE_PATH="{cache}"']
    edited = sorted((content / "articles").glob("artikel-*.md"))[0]
    original = edited.read_text("utf-8")
    times = []
    for run in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        build(OURS, content, workdir / "out-cached", *extra)  # fills the cache
        edited.write_text(original + f"\nEtt tillägg, nummer {run}.\n", "utf-8")
        times.append(build(OURS, content, workdir / "out-cached", *extra)[0])
    edited.write_text(original, "utf-8")
    return median(times)


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    cores = Path("/proc/cpuinfo").read_text().count("processor\t:")
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {cores} cores, "
        f"Python {platform.python_version()}"
    )


def run_all(sizes, runs):
    results = {"machine": machine(), "runs": runs, "sizes": {}}
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        for size in sizes:
            print(f"bench: {size} articles …", flush=True)
            content = make_site(workdir / f"site-{size}", size)
            results["sizes"][size] = compare(content, workdir, runs)
            if size == max(sizes):
                cold = results["sizes"][size]["ours"]["seconds"]
                rebuild = cached_rebuild(content, workdir, runs)
                results["cached_rebuild"] = {
                    "articles": size,
                    "seconds": rebuild,
                    "cold_seconds": cold,
                    "share_of_cold": rebuild / cold,
                }
        print("bench: the real site …", flush=True)
        real = [build(OURS, ROOT / "content", workdir / "out-real") for _ in range(runs)]
        results["real_site_seconds"] = median([s for s, _ in real])
        print("bench: photos …", flush=True)
        results["photos"] = photo_builds(workdir, runs)
    print("bench: live reload …", flush=True)
    results["livereload_seconds"] = reload_latencies(runs)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    return results
