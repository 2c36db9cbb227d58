"""Checks on the images a file shows: each must be a readable image the build can publish,
big enough for its place and not so big that it is surely a mistake.

Only the header is read (and, for a JPEG, its last bytes; for a GIF, its frames), so the
checks stay fast with many photos; the build itself decodes every image and stops on one
it cannot show right. Every SVG in the static folders is checked, linked or not: its
address is public, and a script in it runs in the site's origin when it is opened.
"""

import os
import re
from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from pillow_heif import register_heif_opener

from site_model.image_files import (
    ANIMATED_FORMATS,
    CMYK_WITHOUT_PROFILE,
    MIN_PHOTO_WIDTH,
    PHOTO_FIELD,
    PHOTO_LINK,
    RASTER,
)
from site_model.svg import svg_problems

from .body import Prose
from .file_names import exists_exactly, missing_file_fix
from .protocol import per_file
from .source import Problem

register_heif_opener()  # iPhone photos: HEIC is published as JPEG and AVIF

MIN_ARTICLE_WIDTH = 800  # px: sharp in the 42rem column on most screens
MAX_MEGAPIXELS = 40
MAX_MEGABYTES = 25
# Each animation frame is decoded and encoded twice; more than this takes minutes.
MAX_ANIMATION_MEGAPIXELS = 400  # about 40 s of a 1280 × 800 screen recording at 10 fps
# MPO: a JPEG with a second picture (preview, depth map), as some cameras and phones save.
PUBLISHED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "HEIF", "AVIF"}
LEFT_AS_THEY_ARE = (".svg",)  # published unchanged; check_static_svgs checks every one
SVG_FIX = "ta bort det i ritprogrammet, eller exportera bilden som PNG"
JPEG_END = b"\xff\xd9"
ORIENTATION = 0x0112
TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
IMAGE = re.compile(
    r"!\[[^\]]*\]\(\s*<?\{(static|attach)\}([^\s)>]+)"  # ![alt]({static}path)
    r"|<img\b[^>]*?\bsrc=\"\{(static|attach)\}([^\"]+)\"",  # <img src="{static}path">
    re.IGNORECASE,
)


@per_file
def check_images(source, site):
    """Yield (line, message) for each image of this file that cannot go out as it is."""
    for line, match in Prose(source).find(IMAGE):
        kind, target = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        base = site.content_root if target.startswith("/") else source.path.parent
        path = os.path.join(base, target.lstrip("/"))
        checked = os.path.isfile(path) and not path.lower().endswith(LEFT_AS_THEY_ARE)
        min_width = MIN_ARTICLE_WIDTH if source.kind == "article" else 0
        if checked and (problem := image_problem(path, min_width)):
            yield line, f"{{{kind}}}{target} {problem}"


@per_file
def check_photo(source, site):
    """Yield (line, message) when a `photo:` is not an image file the build can publish."""
    link = source.meta.get(PHOTO_FIELD)
    if not isinstance(link, str) or not link.strip():
        return  # no photo, or not text (check_fields says so)
    line = source.line_of(PHOTO_FIELD)
    if not (match := PHOTO_LINK.fullmatch(link.strip())):
        yield (
            line,
            (
                f"'{PHOTO_FIELD}: {link}' pekar inte på en bild i content/ — välj bilden i CMS:et, "
                "eller skriv {static}/images/filnamn.jpg"
            ),
        )
        return
    target = match.group(2)
    base = site.content_root if target.startswith("/") else source.path.parent
    path = os.path.join(base, target.lstrip("/"))
    if not exists_exactly(path):
        yield line, f"{link} finns inte{missing_file_fix(path, site.settings)}"
    elif path.lower().endswith(LEFT_AS_THEY_ARE):
        yield line, f"{link} är en SVG — ett porträtt ska vara ett foto (JPEG)"
    elif problem := image_problem(path, MIN_PHOTO_WIDTH, "ett porträtt"):
        yield line, f"{link} {problem}"


def image_problem(path, min_width=0, shown_as="en artikel"):
    """What is wrong with the image file at path, or None; `min_width` in px, as shown
    (after EXIF orientation), for the image `shown_as` ("en artikel", "ett porträtt")."""
    stat = os.stat(path)
    return _image_problem(path, stat.st_mtime_ns, stat.st_size, min_width, shown_as)


@lru_cache(maxsize=4096)
def _image_problem(path, mtime, size, min_width, shown_as):
    """Kept per file version: `invoke livereload` checks every image at each save (every
    PNG's chunks verified: 0.05 s a build at 300 articles)."""
    megabytes = size / 1e6
    if megabytes > MAX_MEGABYTES:
        return (
            f"är {megabytes:.0f} MB, över gränsen på {MAX_MEGABYTES} MB — "
            "exportera den som JPEG med högst 4000 px på den längsta sidan"
        )
    try:
        with Image.open(path) as image:
            image.verify()  # PNG: every chunk's checksum; it must come first
        with Image.open(path) as image:
            image_format, (width, height) = image.format, image.size
            turned = image.getexif().get(ORIENTATION) in TURNED
            mode, has_profile = image.mode, bool(image.info.get("icc_profile"))
            frames = image.n_frames if image.format in ANIMATED_FORMATS else 1
    except UnidentifiedImageError:
        return "är ingen bild — spara den som JPEG (foton) eller PNG (skärmbilder)"
    except Image.DecompressionBombError:  # over 179 megapixels: Pillow will not open it
        return (
            f"är över gränsen på {MAX_MEGAPIXELS} megapixlar — "
            "exportera den med högst 4000 px på den längsta sidan"
        )
    except (OSError, SyntaxError, ValueError) as error:
        return f"är skadad ({error}) — exportera den från originalet igen"
    if image_format not in PUBLISHED_FORMATS:
        return (
            f"är i formatet {image_format}, som webbplatsen inte publicerar — "
            "spara den som JPEG (foton) eller PNG (skärmbilder)"
        )
    if (suffix := Path(path).suffix.lower()) not in RASTER:
        return (
            f"är en bild, men namnet slutar på '{suffix}', som webbplatsen inte gör om till "
            "en webbild — byt namn så att det slutar på .jpg (foton) eller .png (skärmbilder)"
        )
    if mode == "CMYK" and not has_profile:  # colour.py says why this is refused
        return CMYK_WITHOUT_PROFILE
    if frames * width * height > MAX_ANIMATION_MEGAPIXELS * 1e6:
        return (
            f"är en animering med {frames} bildrutor i {width} × {height}, över gränsen på "
            f"{MAX_ANIMATION_MEGAPIXELS} megapixlar sammanlagt — "
            "spela in ett kortare klipp eller en mindre del av skärmen, eller länka till en video"
        )
    if image_format in ("JPEG", "MPO") and not _ends_like_jpeg(path):
        return "är skadad (filen är ofullständig) — kopiera den från kameran eller telefonen igen"
    if width * height > MAX_MEGAPIXELS * 1e6:
        return (
            f"är {width * height / 1e6:.0f} megapixlar ({width} × {height}), över gränsen på "
            f"{MAX_MEGAPIXELS} megapixlar — exportera den med högst 4000 px på den längsta sidan"
        )
    shown_width = height if turned else width
    if shown_width < min_width:
        return (
            f"är bara {shown_width} px bred; {shown_as} behöver minst {min_width} px "
            "för att bilden ska bli skarp — använd en större version av fotot"
        )
    return None


def _ends_like_jpeg(path):
    # A photo cut off while copying still opens; its end-of-image marker is missing. Look
    # for it after the picture's data starts: not before (an EXIF thumbnail has its own end
    # marker), and not only at the file's end (a motion photo has its video after it).
    data = Path(path).read_bytes()
    scan = _start_of_scan(data)
    return scan is not None and data.find(JPEG_END, scan) != -1


def _start_of_scan(data):
    """Offset of a JPEG's first start-of-scan marker (FFDA), stepping over the segments
    before it by their lengths (ITU T.81, B.1.1.4); None if there is none."""
    offset = 2  # after the start-of-image marker
    while offset + 4 <= len(data) and data[offset] == 0xFF:
        marker = data[offset + 1]
        if marker == 0xDA:
            return offset
        if marker == 0xFF:  # fill byte before a marker
            offset += 1
            continue
        offset += 2 + int.from_bytes(data[offset + 2 : offset + 4], "big")
    return None


def check_static_svgs(site):
    """Problems for each unsafe SVG anywhere in content/ (images/ is published whole, and a
    page can {attach} one from its own folder), at its line in the SVG file."""
    for path in sorted(site.content_root.rglob("*")):
        if path.suffix.lower() == ".svg":
            for line, what in svg_problems(path):
                yield Problem(site.shown(path), line, f"bilden innehåller {what} — {SVG_FIX}")
