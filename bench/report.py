"""docs/performance.md and its chart, from the figures in docs/performance.json."""

import json
from pathlib import Path

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "performance.json"
CHART = ROOT / "docs" / "performance.svg"
PAGE = ROOT / "docs" / "performance.md"
TARGET_RATIO, TARGET_REBUILD, TARGET_RELOAD = 1.5, 0.40, 2.0
TARGET_PHOTO_RATIO = 1.5  # a text edit with twelve photos, against no photos
ANALYSIS = (ROOT / "bench" / "analysis.md").read_text("utf-8")


def chart(results):
    sizes = sorted(int(size) for size in results["sizes"])
    figure, axes = plt.subplots(figsize=(7, 4.2))
    for name, label in (
        ("ours", "EPM site (theme, plugins, checks, minify)"),
        ("bare", "bare Pelican (default theme, no plugins)"),
    ):
        seconds = [results["sizes"][str(size)][name]["seconds"] for size in sizes]
        axes.plot(sizes, seconds, marker="o", label=label)
    # Linear axes: linear growth shows as a straight line.
    axes.set(
        xlabel="articles",
        ylabel="median build time (s)",
        xlim=(0, None),
        ylim=(0, None),
        title="Cold build time against the number of articles",
    )
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(CHART, metadata={"Date": None})
    plt.close(figure)


def growth(results, name):
    """Seconds per article between the two largest sizes: the marginal cost."""
    sizes = sorted(int(size) for size in results["sizes"])[-2:]
    small, large = (results["sizes"][str(size)][name]["seconds"] for size in sizes)
    return (large - small) / (sizes[1] - sizes[0]) * 1000


def target_rows(results):
    ratios = [
        results["sizes"][size]["ratio"] for size in ("100", "1000") if size in results["sizes"]
    ]
    cached, reload = results["cached_rebuild"], results["livereload_seconds"]
    samples = ", ".join(f"{s:.2f}" for s in reload["samples"])
    rows = [
        (
            f"ours / bare ≤ {TARGET_RATIO} at 100 and 1,000 articles",
            " and ".join(f"{r:.2f}" for r in ratios),
            max(ratios) <= TARGET_RATIO,
        ),
        (
            f"rebuild after editing one of {cached['articles']:,} articles, content cache on, "
            f"≤ {TARGET_REBUILD:.0%} of the cold build",
            f"{cached['seconds']:.2f} s of {cached['cold_seconds']:.2f} s = "
            f"{cached['share_of_cold']:.0%}",
            cached["share_of_cold"] <= TARGET_REBUILD,
        ),
        (
            f"`invoke livereload`: save to reloaded page in Chromium ≤ {TARGET_RELOAD:.0f} s",
            f"{reload['median']:.2f} s (samples {samples})",
            reload["median"] <= TARGET_RELOAD,
        ),
    ]
    return "\n".join(f"| {t} | {m} | {'yes' if ok else 'no'} |" for t, m, ok in rows)


def size_rows(results):
    return "\n".join(
        f"| {size} | {r['ours']['seconds']:.2f} | {r['bare']['seconds']:.2f} | "
        f"{r['ratio']:.2f} | {r['ours']['peak_mib']:.0f} | {r['bare']['peak_mib']:.0f} |"
        for size, r in sorted(results["sizes"].items(), key=lambda item: int(item[0]))
    )


def photo_section(results):
    """Build times with photos (bench/photo_builds.py), when measured."""
    if "photos" not in results:
        return ""
    p = results["photos"]
    return f"""
## With photos

The real site plus {p["photos"]} articles, each opening with a 12-megapixel phone photo
(`samples/photos.py`, about 1.9 MB as JPEG), against the same site with the same articles
and no photos; production build, each run building the three in turn, medians of
{p["runs"]} runs (`uv run --group bench python -m bench.photo_builds`; cold samples
{", ".join(f"{s:.1f}" for s in p["samples"]["cold"])} s on this shared machine).

| build | seconds |
| --- | ---: |
| without photos | {p["without_seconds"]:.2f} |
| with photos, cold (empty image cache: every photo encoded) | {p["cold_seconds"]:.2f} |
| with photos, cached (after a text edit) | {p["cached_seconds"]:.2f} |

A text edit with {p["photos"]} photos rebuilds in {p["cached_over_without"]:.2f}× the
time of the site without them (target ≤ {TARGET_PHOTO_RATIO}; met: \
{"yes" if p["cached_over_without"] <= TARGET_PHOTO_RATIO else "no"}): the cached build
hashes each photo's bytes and links its files from the cache, nothing more. Cold, each
photo costs about {(p["cold_seconds"] - p["cached_seconds"]) / p["photos"]:.1f} s (decode,
four widths in AVIF and JPEG, the 1200 × 630 link preview), once for as long as the
cache is kept.
{corpus_rows(p)}"""


def corpus_rows(p):
    """Every kind of image file (samples/image_corpus.py), when measured with it."""
    if "corpus_cold_seconds" not in p:
        return ""
    return f"""
Every kind of image file an editor brings, an article each on the real site (CMYK, grey,
Adobe RGB, P3, 16-bit, palette and RGBA PNGs, a small GIF, a 12 MB screen recording, a
HEIC, an SVG: `samples/image_corpus.py`), in the same runs:

| build | seconds |
| --- | ---: |
| every kind of image, cold | {p["corpus_cold_seconds"]:.2f} |
| every kind of image, cached (nothing changed) | {p["corpus_cached_seconds"]:.2f} |
"""


def write_page(results):
    PAGE.write_text(f"""# Build performance

Measured by `uv run --group bench invoke bench` on {results["machine"]}.
Each build runs in its own process; our build and bare Pelican alternate, {results["runs"]}
runs each per size, and every figure is a median (the ratio is the median of the
run-by-run ratios). Content: synthetic articles made from the real article (six
sections, lists, about 1,400 words), each linking to another article, one of its
sections and a service. "Ours" is the production build (`publishconf.py`: YAML front
matter, content checks, structured data, inline CSS, minified HTML); bare Pelican is its
default theme with no plugins on the same Markdown files.

| articles | ours (s) | bare Pelican (s) | ours / bare | ours peak RSS (MiB) | bare peak RSS (MiB) |
| ---: | ---: | ---: | ---: | ---: | ---: |
{size_rows(results)}

![Build time against the number of articles, both builds](performance.svg)

Growth: between the two largest sizes each further article costs
{growth(results, "ours"):.1f} ms in our build and {growth(results, "bare"):.1f} ms in bare
Pelican; "Where the time goes" says how that holds beyond 1,000.

| target | measured | met |
| --- | --- | --- |
{target_rows(results)}

The real site (one article, four services, five pages) builds in
{results["real_site_seconds"]:.2f} s, most of it Python and Pelican starting up.
{photo_section(results)}
{ANALYSIS}""")


def write_report():
    results = json.loads(RESULTS.read_text())
    chart(results)
    write_page(results)
