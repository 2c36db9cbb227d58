"""The published versions of one image: resized, re-encoded, without metadata, cached.

Each original is read once per content hash: its versions go to a folder of the cache
named by that hash (and by RECIPE, so changing a setting here makes new versions), and
every later build, livereload's included, only reads that folder's variants.json.

Formats were chosen by measurement (docs/quality.md): photos as AVIF with a JPEG
fallback; screenshots and drawings as lossless WebP with a PNG fallback, because lossy
formats blur text and lossless WebP is a fraction of the PNG. Which of the two an image
is, is measured too: the smaller of the two modern encodings at TRIAL_WIDTH wins. An
image with transparency keeps it (AVIF, WebP and PNG hold it); an animated GIF becomes
animated AVIF (animation.py). Colour and bit depth are colour.py's.

HEIC/HEIF (iPhone photos) are read through pillow-heif, which applies the photo's
rotation as it decodes; they are photos, published as any JPEG.
"""

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import PIL
import pillow_heif
from PIL import Image, ImageOps, PngImagePlugin
from pillow_heif import register_heif_opener

from site_model.image_files import ORIGINALS, PHOTO, RASTER

from .animation import ANIMATION_WIDTHS, check_budget, is_animation, save_animation
from .colour import flatten, in_srgb, to_web

register_heif_opener()
# Photoshop keeps its editing history in a PNG's XMP, often over Pillow's 1 MB guard for
# text chunks: then a good picture reads as "damaged". Files are at most 25 MB anyway.
PngImagePlugin.MAX_TEXT_CHUNK = PngImagePlugin.MAX_TEXT_MEMORY = 64 * 2**20

WIDTHS = (360, 720, 1080, 1440)  # CSS px × DPR of the 42rem column, from phone to desktop
FALLBACK_WIDTH = 1080  # the <img src> for browsers without srcset
# Lossless WebP or lossy AVIF for a PNG or WebP: whichever is smaller at this width. Much
# narrower and downscaled text is a blur that AVIF wins; at this width text is still text.
TRIAL_WIDTH = 720
OG_SIZE = (1200, 630)  # Open Graph: what link previews crop to
# Within 0.7 dB PSNR of JPEG quality 80, with 36–43 % fewer bytes (docs/quality.md).
AVIF = {"quality": 60, "speed": 6}
JPEG = {"quality": 80, "optimize": True, "progressive": True}
WEBP_LOSSLESS = {"lossless": True, "quality": 80, "method": 4}
PNG = {"optimize": True}
# In every cache key: the code that makes the pixels, the settings above and Pillow's
# and pillow-heif's versions (their encoders and decoders), so any change to what comes
# out makes new files.
PIXEL_CODE = ("variants.py", "colour.py", "animation.py")
RECIPE = " ".join(
    [
        PIL.__version__,
        pillow_heif.__version__,
        *((Path(__file__).parent / name).read_text("utf-8") for name in PIXEL_CODE),
    ]
)
EXTENSION = {"AVIF": "avif", "WEBP": "webp", "JPEG": "jpg", "PNG": "png"}
MIME = {"AVIF": "image/avif", "WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}
ENCODING = {"AVIF": AVIF, "WEBP": WEBP_LOSSLESS, "JPEG": JPEG, "PNG": PNG}
PROCESSED = "content_images"  # the prefix of the one progress line per processed image
log = logging.getLogger(__name__)

_keys = {}  # (path, mtime, size) -> content key: livereload hashes each file once


@dataclass(frozen=True)
class Variants:
    """What the cache holds for one original (all sizes after EXIF orientation)."""

    folder: Path
    key: str
    width: int
    height: int
    modern: str  # AVIF or WEBP
    fallback: str  # JPEG or PNG
    widths: tuple
    animated: bool = False  # then modern is an animation and fallback its first frame

    def file(self, image_format, width):
        return self.folder / f"{width}.{EXTENSION[image_format]}"

    def height_at(self, width):
        return round(self.height * width / self.width)

    @property
    def fallback_width(self):
        return max((w for w in self.widths if w <= FALLBACK_WIDTH), default=self.widths[0])


def is_raster(path):
    return Path(path).suffix.lower() in RASTER


def is_original(path):
    return Path(path).suffix.lower() in ORIGINALS


def content_key(path):
    stat = os.stat(path)
    memo = (str(path), stat.st_mtime_ns, stat.st_size)
    if memo not in _keys:
        digest = hashlib.sha256(RECIPE.encode())
        with open(path, "rb") as original:
            for block in iter(lambda: original.read(1 << 20), b""):
                digest.update(block)
        _keys[memo] = digest.hexdigest()[:16]
    return _keys[memo]


def variants(path, cache, shown_as):
    """The Variants of the image at path, made now if the cache does not have them."""
    key = content_key(path)
    folder = Path(cache) / key
    if not (folder / "variants.json").exists():
        started = time.perf_counter()
        _make(path, folder)
        made = _load(folder, key)
        seconds = time.perf_counter() - started
        sizes = ", ".join(str(w) for w in made.widths)
        modern = f"animated {made.modern}" if made.animated else made.modern
        log.info(
            "%s: %s → %s px, %s + %s (%.1f s)",
            *(PROCESSED, shown_as, sizes, modern, made.fallback, seconds),
        )
        return made
    return _load(folder, key)


def open_upright(path, at_least=WIDTHS[-1]):
    """The image (the first frame of an animation) as it should be seen: EXIF orientation
    applied, 8-bit RGB(A), with no metadata but a colour profile that matches its pixels
    (colour.to_web). A JPEG is decoded at a reduced scale when that is still big enough.

    Raises colour.ImageTrouble for a file that cannot be shown right."""
    with Image.open(path) as original:
        original.draft(original.mode, (at_least, at_least))
        image = ImageOps.exif_transpose(original)
        for key in ("icc_profile", "transparency"):  # what to_web needs of the file's info
            if key in original.info:
                image.info[key] = original.info[key]
    return to_web(image)  # drops EXIF (GPS, serial) and XMP


def _make(path, folder):
    image = open_upright(path)
    animated = is_animation(path)
    widest = min(image.width, (ANIMATION_WIDTHS if animated else WIDTHS)[-1])
    widths = [w for w in (ANIMATION_WIDTHS if animated else WIDTHS) if w < widest] + [widest]
    if animated:
        modern, fallback = "AVIF", "PNG"
    else:
        modern, fallback = _formats(path, image, min(TRIAL_WIDTH, widest))
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=_ensure(folder.parent)))
    try:
        for width in widths:
            height = round(image.height * width / image.width)  # as Variants.height_at
            resized = image.resize((width, height), Image.LANCZOS, reducing_gap=3.0)
            _save(resized, staging / f"{width}.{EXTENSION[fallback]}", fallback)
            if animated:
                save_animation(path, width, staging / f"{width}.avif")
            else:
                _save(resized, staging / f"{width}.{EXTENSION[modern]}", modern)
        if animated:
            check_budget(staging / f"{widths[-1]}.avif")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    upright = {"width": image.width, "height": image.height, "animated": animated}
    meta = {**upright, "modern": modern, "fallback": fallback, "widths": widths}
    (staging / "variants.json").write_text(json.dumps(meta), "utf-8")
    try:
        staging.rename(folder)  # whole or not at all, even if the build is stopped
    except OSError:  # another build made it meanwhile
        shutil.rmtree(staging, ignore_errors=True)


def _formats(path, image, width):
    """(modern, fallback): a JPEG is a photo; for the others, measure at TRIAL_WIDTH."""
    alpha_fallback = "PNG" if image.mode == "RGBA" else "JPEG"
    if Path(path).suffix.lower() in PHOTO:
        return "AVIF", alpha_fallback
    small = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    sizes = {}
    for image_format in ("AVIF", "WEBP"):
        with tempfile.TemporaryFile() as trial:
            small.save(trial, image_format, **ENCODING[image_format])
            sizes[image_format] = trial.tell()
    if sizes["WEBP"] <= sizes["AVIF"]:
        return "WEBP", "PNG"
    return "AVIF", alpha_fallback


def _save(image, target, image_format):
    options = dict(ENCODING[image_format])
    if icc := image.info.get("icc_profile"):
        options["icc_profile"] = icc
    image.save(target, image_format, **options)


def _load(folder, key):
    meta = json.loads((folder / "variants.json").read_text("utf-8"))
    return Variants(
        folder,
        key,
        meta["width"],
        meta["height"],
        meta["modern"],
        meta["fallback"],
        tuple(meta["widths"]),
        meta.get("animated", False),
    )


def og_image(path, cache, background):
    """The image cropped to OG_SIZE (centred) as an sRGB JPEG, cached beside its variants.
    Transparency is laid on background (#rrggbb): JPEG has none, and black is what a
    plain conversion shows. sRGB because link-preview crawlers may drop the profile."""
    target = _ensure(Path(cache)) / f"{content_key(path)}-og-{background.lstrip('#')}.jpg"
    if not target.exists():
        upright = flatten(in_srgb(open_upright(path)), background)
        image = ImageOps.fit(upright, OG_SIZE, Image.LANCZOS)
        # A file of its own to write: two builds (the test workers') may make it at once.
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".tmp", delete=False) as file:
            _save(image, file, "JPEG")
        os.replace(file.name, target)
    return target


def _ensure(folder):
    folder.mkdir(parents=True, exist_ok=True)
    return folder
