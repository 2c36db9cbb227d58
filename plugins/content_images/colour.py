"""Colour: whatever mode and profile a file has, readers get 8-bit RGB(A) their browser
decodes, with the colours the file's own profile gives them.

- CMYK (print), grey with a profile (scanners, Photoshop's "Gray Gamma 2.2") and LAB are
  converted from their embedded profile to sRGB with LittleCMS (Pillow's ImageCms), and
  no profile is attached: sRGB is what browsers assume. An AVIF that carries a CMYK or
  grey profile on RGB pixels is refused by Chromium (issue 20), so a profile is never
  kept unless it describes the pixels.
- RGB with an RGB profile (Display P3 from every recent iPhone, Adobe RGB from cameras)
  keeps it: wide-gamut screens show the colours sRGB cannot hold, the rest convert.
- CMYK without a profile is refused (ImageTrouble): there is no one right conversion
  (print profiles differ by paper and press, and naive conversion turns a navy blue
  into sky blue), and Pillow ships no CMYK profile to guess with.
- 16-bit grey is scaled to 8 bits (clipping made it white); a palette or grey with
  transparency becomes RGBA; an alpha channel that is opaque everywhere is dropped.
"""

import io
from functools import cache

from PIL import Image, ImageCms, ImageMath

from site_model.image_files import CMYK_WITHOUT_PROFILE
from site_model.theme import light_colours

SRGB = ImageCms.createProfile("sRGB")
PROFILE_SPACES = {"CMYK": "CMYK", "L": "GRAY", "RGB": "RGB", "LAB": "LAB"}  # mode → ICC space
SIXTEEN_BIT = {"I", "I;16", "I;16B", "I;16L", "I;16N", "F"}


class ImageTrouble(ValueError):
    """An image that cannot be published correctly; str() is the editor's message."""


def to_web(image):
    """The image as 8-bit RGB or RGBA, with info holding only a profile that matches it.

    Raises ImageTrouble for CMYK without a usable profile."""
    profile = _profile(image.info.get("icc_profile"))
    if image.mode in SIXTEEN_BIT:  # 0–65535 (PNG) or float: to 0–255, not clipped
        image = _eight_bit(image)
    if image.mode in ("P", "PA", "1", "LA") or "transparency" in image.info:
        base = "L" if image.mode in ("L", "LA") else "RGB"  # grey keeps its grey profile
        image = image.convert(base + "A")
    alpha = image.getchannel("A") if image.mode.endswith("A") else None
    pixels = image.convert(image.mode[:-1]) if alpha else image
    pixels = _in_rgb(pixels, profile)
    if alpha and alpha.getextrema()[0] < 255:
        pixels.putalpha(alpha)
    return pixels


def _in_rgb(image, profile):
    space = PROFILE_SPACES.get(image.mode)
    if image.mode == "RGB":
        keep = profile and profile.profile.xcolor_space.strip() == "RGB"
        image.info = {"icc_profile": profile.tobytes()} if keep else {}
        return image
    if image.mode == "CMYK" and not _describes(profile, space):
        raise ImageTrouble(CMYK_WITHOUT_PROFILE)
    if image.mode == "LAB":
        profile = ImageCms.createProfile("LAB")
    converted = _managed(image, profile, "RGB") if _describes(profile, space) else None
    if converted is None:  # untagged grey is sRGB grey; any other mode Pillow converts plainly
        converted = image.convert("RGB")
    converted.info = {}
    return converted


def _managed(image, profile, mode):
    """image converted from profile to sRGB, or None when LittleCMS cannot use the profile
    (one that parses but lacks a table it needs): then it counts as untagged, as in browsers."""
    try:
        return ImageCms.profileToProfile(image, profile, SRGB, outputMode=mode)
    except ImageCms.PyCMSError:
        return None


def _eight_bit(image):
    """16-bit grey (or float) as 8-bit grey, its one transparent value (tRNS) as alpha."""
    transparent = image.info.get("transparency")
    grey = image.convert("I").point(lambda value: value / 256).convert("L")
    grey.info = {k: v for k, v in image.info.items() if k != "transparency"}
    if isinstance(transparent, int):
        opaque = ImageMath.lambda_eval(
            lambda a: (a["v"] != transparent) * 255, v=image.convert("I")
        )
        grey.putalpha(opaque.convert("L"))
    return grey


def _describes(profile, space):
    return profile is not None and profile.profile.xcolor_space.strip() == space


def _profile(icc):
    if not icc:
        return None
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError):
        return None  # unreadable: treated as untagged, as browsers do


def in_srgb(image):
    """RGB(A) in sRGB with no profile: for places that ignore profiles (link previews)."""
    profile = _profile(image.info.get("icc_profile"))
    if profile is None or image.mode not in ("RGB", "RGBA"):
        return image
    converted = _managed(image, profile, image.mode) or image.copy()
    converted.info = {}
    return converted


def flatten(image, background):
    """RGB: an RGBA image laid on the background colour (#rrggbb), as the page shows it."""
    if image.mode != "RGBA":
        return image
    flat = Image.new("RGB", image.size, background)
    flat.paste(image, mask=image.getchannel("A"))
    flat.info = dict(image.info)
    return flat


@cache
def page_background(theme):
    """The page's background colour (#rrggbb), the light scheme's --paper token in the
    theme's stylesheet: what a transparent image is seen on, and link previews too."""
    return light_colours(theme)["paper"]
