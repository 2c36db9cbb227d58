"""Build times with photos: the real content plus twelve articles, each opening with a
12-megapixel phone photo, against the same site with the same articles and no photos;
and the real content plus an article for each kind of image file (samples/image_corpus.py:
CMYK, grey, Adobe RGB, P3, 16-bit, palette, RGBA, GIFs, HEIC, SVG).

    uv run --group bench python -m bench.photo_builds   # also part of `invoke bench`

Cold: an empty image cache, so every photo is encoded. Cached: the cache full, after a
text edit, as every build but the first one after adding a photo is. The three builds
alternate; each figure is a median. Adds "photos" to docs/performance.json and rewrites
docs/performance.md.
"""

import json
import shutil
import sys
import tempfile
from pathlib import Path

from samples.image_corpus import shown_images, write_corpus
from samples.photos import phone_photo

from .measure import OURS, ROOT, build, median

PHOTOS = 12
RESULTS = ROOT / "docs" / "performance.json"
ARTICLE = """---
title: Foto {number}
date: 2026-11-{day:02d}
author: Therése M. Sandberg
summary: En artikel med ett foto.
---

{photo}Ett stycke text om ledarskap och coaching, nummer {number}.
"""


def make_sites(workdir):
    """(without photos, with photos): the real content plus PHOTOS articles each."""
    sites = []
    for with_photos in (False, True):
        content = workdir / ("with-photos" if with_photos else "without-photos")
        shutil.copytree(ROOT / "content", content)
        for number in range(PHOTOS):
            photo = ""
            if with_photos:
                name = f"foto-{number:02d}.jpg"
                phone_photo(seed=number).save(content / "images" / name, quality=92)
                photo = f"![Foto nummer {number}]({{static}}../images/{name})\n\n"
            text = ARTICLE.format(number=number, day=number + 1, photo=photo)
            (content / "articles" / f"foto-{number:02d}.md").write_text(text, "utf-8")
        sites.append(content)
    return sites


def make_corpus_site(workdir):
    """The real content plus an article for each image of the corpus."""
    content = workdir / "corpus"
    shutil.copytree(ROOT / "content", content)
    shown = shown_images(write_corpus(content / "images"))
    for number, (slug, (alt, file)) in enumerate(shown.items()):
        photo = f"![{alt}]({{static}}../images/{file})\n\n"
        text = ARTICLE.format(number=number, day=number + 1, photo=photo)
        (content / "articles" / f"{slug}.md").write_text(text, "utf-8")
    return content


def photo_builds(workdir, runs):
    without, with_photos = make_sites(workdir)
    corpus = make_corpus_site(workdir)
    edited = with_photos / "articles" / "foto-00.md"
    samples = {"without": [], "cold": [], "cached": [], "corpus_cold": [], "corpus_cached": []}
    for run in range(runs):
        cache = workdir / f"image-cache-{run}"
        extra = ["-e", f'CONTENT_IMAGES_CACHE="{cache}"']
        samples["without"].append(build(OURS, without, workdir / "out", *extra)[0])
        samples["cold"].append(build(OURS, with_photos, workdir / "out", *extra)[0])
        edited.write_text(edited.read_text("utf-8") + f"\nÄndring {run}.\n", "utf-8")
        samples["cached"].append(build(OURS, with_photos, workdir / "out", *extra)[0])
        samples["corpus_cold"].append(build(OURS, corpus, workdir / "out", *extra)[0])
        samples["corpus_cached"].append(build(OURS, corpus, workdir / "out", *extra)[0])
        shutil.rmtree(cache)
    figures = {name: median(values) for name, values in samples.items()}
    return {
        "photos": PHOTOS,
        "runs": runs,
        **{f"{name}_seconds": seconds for name, seconds in figures.items()},
        "samples": samples,
        "cached_over_without": figures["cached"] / figures["without"],
    }


def main(runs=3):
    with tempfile.TemporaryDirectory() as folder:
        photos = photo_builds(Path(folder), runs)
    results = json.loads(RESULTS.read_text())
    results["photos"] = photos
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    from .report import write_report  # matplotlib: only in the bench group

    write_report()
    print(json.dumps(photos, indent=2))


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
