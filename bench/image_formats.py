"""Bytes per image format at equal quality, the measurement behind the formats that
plugins/content_images publishes (docs/quality.md).

    uv run python -m bench.image_formats [more photos ...]

Each image is resized to 1080 px (what a 390 px phone at DPR 3 fetches), or kept at its
width if it is narrower. JPEG at quality
80 is the reference; WebP's and AVIF's quality are then searched for the lowest that
reaches the same PSNR, and their bytes compared. The screenshot is compared losslessly
(PNG, lossless WebP) and with lossy AVIF, whose blur on text PSNR shows too.
"""

import io
import math
import sys
import time

from PIL import Image, ImageChops, ImageStat

from plugins.content_images.variants import AVIF, JPEG, WEBP_LOSSLESS
from samples.photos import phone_photo, screenshot

WIDTH = 1080


def psnr(a, b):
    stat = ImageStat.Stat(ImageChops.difference(a, b))
    mse = sum(stat.sum2) / (3 * a.width * a.height)
    return 10 * math.log10(255**2 / mse) if mse else math.inf


def encode(image, image_format, **options):
    data = io.BytesIO()
    started = time.perf_counter()
    image.save(data, image_format, **options)
    seconds = time.perf_counter() - started
    data.seek(0)
    return data.tell() or len(data.getvalue()), Image.open(data).convert("RGB"), seconds


def at_width(image):
    width = min(WIDTH, image.width)
    return image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)


def lowest_quality_reaching(image, image_format, target, **options):
    low, high = 1, 100
    while low < high:
        quality = (low + high) // 2
        if psnr(image, encode(image, image_format, quality=quality, **options)[1]) >= target:
            high = quality
        else:
            low = quality + 1
    return low


def photo_rows(name, image):
    image = at_width(image.convert("RGB"))
    size, decoded, seconds = encode(image, "JPEG", **JPEG)
    target = psnr(image, decoded)
    rows = [(name, "JPEG", JPEG["quality"], size, target, seconds)]
    for image_format, options in (("WEBP", {"method": 4}), ("AVIF", {"speed": AVIF["speed"]})):
        quality = lowest_quality_reaching(image, image_format, target, **options)
        size, decoded, seconds = encode(image, image_format, quality=quality, **options)
        rows.append((name, image_format, quality, size, psnr(image, decoded), seconds))
    size, decoded, seconds = encode(image, "AVIF", **AVIF)
    rows.append((name, "AVIF (as published)", AVIF["quality"], size, psnr(image, decoded), seconds))
    return rows


def screenshot_rows(image):
    image = at_width(image)
    trials = [
        ("PNG", {"optimize": True}),
        ("WEBP", WEBP_LOSSLESS),
        ("AVIF", AVIF),
    ]
    rows = []
    for image_format, options in trials:
        size, decoded, seconds = encode(image, image_format, **options)
        label = "WEBP lossless" if options.get("lossless") else image_format
        quality = "lossless" if image_format == "PNG" or options.get("lossless") else 60
        rows.append(("screenshot", label, quality, size, psnr(image, decoded), seconds))
    return rows


def main(paths):
    rows = photo_rows("synthetic phone photo", phone_photo())
    for path in paths:
        with Image.open(path) as photo:
            rows += photo_rows(path.rsplit("/", 1)[-1], photo)
    rows += screenshot_rows(screenshot())
    heading = f"image (at most {WIDTH} px wide) | format | quality | bytes | PSNR (dB) | encode (s)"
    print(f"| {heading} |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, image_format, quality, size, quality_db, seconds in rows:
        print(
            f"| {name} | {image_format} | {quality} | {size:,} | {quality_db:.1f} | {seconds:.2f} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
