"""Which image files the site publishes, and how: read by the content checks (what an
editor may link) and the image pipeline (plugins/content_images), so the two agree."""

import re

PHOTO = {".jpg", ".jpeg", ".jfif", ".jpe", ".heic", ".heif"}  # AVIF with a JPEG fallback
RASTER = PHOTO | {".png", ".apng", ".webp", ".gif", ".avif"}  # .jfif: Chrome on Windows
# Never published as they are: image files the checks refuse when linked (TIFF, BMP, a
# camera's raw file) are left out when not, as originals are: they hold GPS positions too.
ORIGINALS = RASTER | {".tif", ".tiff", ".bmp", ".psd", ".dng", ".jxl"}

# Formats whose frames are an animation. Not MPO (a camera's JPEG with a second picture,
# a preview or depth map) or HEIF (a burst): their first picture is the photo.
ANIMATED_FORMATS = {"GIF", "PNG", "WEBP", "AVIF"}  # PNG: APNG

# Refused by the checks from the header, and by the pipeline if it gets that far.
CMYK_WITHOUT_PROFILE = (
    "är i CMYK för tryck och saknar färgprofil, så det går inte att veta vilka färger som "
    "är tänkta — exportera den som JPEG i RGB (sRGB)"
)

# A portrait in front matter (a coach's `photo:`), as the CMS's image widget writes it:
# "{static}/images/anna.jpg". Read by the checks and the pipeline alike.
PHOTO_FIELD = "photo"
PHOTO_LINK = re.compile(r"\{(static|attach)\}(\S+)")  # link kind, file
# Shown 15rem (240 px) wide (theme/static/css/site.css), twice that on a 2× screen.
MIN_PHOTO_WIDTH = 480
