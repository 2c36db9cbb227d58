"""content_images: whatever photo an editor commits, readers get small, sharp, stable images.

Every JPEG, PNG, WebP, GIF or HEIC that the text shows with a {static} or {attach} link becomes a
<picture>: resized to the widths in variants.WIDTHS (never wider than the original), in
a modern format and a fallback, with `sizes` for the text column, width and height (no
layout shift), decoding="async", and loading="lazy" from the second image on. An
article's first image is fetched first (fetchpriority="high") when it leads the text and
fills the column, and is its Open Graph image (`article.og_image`), cropped to 1200 × 630.
A progress line is printed for each image processed; the cache makes that once per file.
EXIF orientation is applied and all metadata (GPS position, camera serial) left out;
colours are converted from the file's own profile (colour.py). An animated GIF becomes
an animated AVIF, with its first frame for readers who ask for reduced motion.
A coach's `photo:` (a front-matter field) goes through the same pipeline, as
`page.photo_html`, sized for its place beside the name.
Originals are not published. An SVG keeps its address (content_checks refuses unsafe
ones) and gets width and height from its viewBox; other sites' images only the loading
attributes. A file that cannot be shown right stops the build with path:line and a fix.

Our own code on Pillow, not pelican-image-process: that plugin is AGPL-3.0, processes
only images an editor marks with a class, re-makes its files whenever output/ is fresh
(as every build of ours is), and neither applies EXIF orientation nor caps the widths.
"""

import logging
import os
import re
import shutil
from pathlib import Path

from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Article
from PIL import Image, UnidentifiedImageError

from site_model.addresses import file_slug
from site_model.image_files import PHOTO_FIELD, PHOTO_LINK
from site_model.signals import content_object_reused
from site_model.svg import svg_size

from .colour import ImageTrouble, page_background
from .markup import picture
from .variants import EXTENSION, is_original, is_raster, og_image, variants

# In the project, not where the build was started: every build and livereload share it,
# git ignores it (/cache/) and `invoke clean` empties it. CONTENT_IMAGES_CACHE moves it.
CACHE = Path(__file__).resolve().parents[2] / "cache" / "images"
IMG = re.compile(r"<img\b[^>]*>")
LOCAL_SRC = re.compile(r'\bsrc="(\{(?:static|attach)\})([^"]+)"')  # link kind, file
ALT = re.compile(r'\balt="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
# The first image is the page's largest element (its LCP) when little text comes before
# it and it fills most of the column; then the browser should fetch it before anything.
LEAD_TEXT_CHARS = 300
LEAD_MIN_WIDTH = 600
# {published name: cached file} of every page this build writes, whichever of Pelican's
# lists keeps the page (one forgotten list, hidden_articles, once shipped broken images):
# emptied as a build starts (livereload builds in one process), filled as each page is
# read (and each page's own share noted on it, `content.published_images`, for a page the
# preview keeps from the build before), copied when all pages are generated.
PUBLISHED = {}
# A portrait shows 15rem wide beside the name, above it on a phone (.profile__photo, site.css).
PHOTO_SIZES = "15rem"


def cache_folder(settings):
    """Processed images, by content hash: outside output/, kept between builds."""
    return settings.get("CONTENT_IMAGES_CACHE") or str(CACHE)


def source_file(content, target):
    root = content.settings["PATH"]
    base = root if target.startswith("/") else os.path.dirname(content.source_path)
    path = os.path.normpath(os.path.join(base, target.lstrip("/")))
    return path, os.path.relpath(path, root)


def published_name(relative, key, suffix, settings):
    """images/IMG_2041.JPG → images/img_2041-<key>-720.avif: a new photo gets a new address,
    in the site's lower-case ASCII whatever the phone named the file."""
    folder, name = os.path.split(relative)
    stem = file_slug(Path(name).stem, settings)
    return "/".join(filter(None, [folder, f"{stem}-{key[:8]}-{suffix}"]))


def publish_variant(made, relative, content, image_format, width):
    """The published name of one variant ("images/x-<key>-720.avif"), noted to publish."""
    suffix = f"{width}.{EXTENSION[image_format]}"
    name = published_name(relative, made.key, suffix, content.settings)
    _note(content, name, made.file(image_format, width))
    return name


def _note(content, name, cached):
    PUBLISHED[name] = content.published_images[name] = cached


def publish_again(content):
    """A page kept from the build before (plugins/preview_reuse) needs its images too."""
    PUBLISHED.update(content.published_images)


def addresses(made, relative, content):
    """url_of(format, width): the address of each of an image's variants."""

    def url_of(image_format, width):
        name = publish_variant(made, relative, content, image_format, width)
        return f"{content.settings['SITEURL']}/{name}"

    return url_of


def rewrite_photo(content):
    """A coach's portrait as `content.photo_html` (a <picture>) and `content.photo_path`
    (its largest fallback file, relative to the site's root, for JSON-LD)."""
    link = content.metadata.get(PHOTO_FIELD)
    local = PHOTO_LINK.fullmatch(link.strip()) if isinstance(link, str) else None
    if not local or not content.save_as:
        return  # no photo; one written another way is content_checks' to refuse
    path, relative = source_file(content, local.group(2))
    made = _variants(path, cache_folder(content.settings), content, local.group(0))
    url_of = addresses(made, relative, content)
    alt = escape(f"Porträtt av {content.metadata.get('title', '')}")
    content.photo_html = Markup(
        picture(f'<img alt="{alt}">', made, url_of, {"decoding": "async"}, PHOTO_SIZES)
    )
    fallback = made.fallback, made.fallback_width
    content.photo_path = publish_variant(made, relative, content, *fallback)


def rewrite_images(content):
    """Replace each <img> of the text with its <picture>; note the files to publish."""
    content.published_images = {}
    rewrite_photo(content)
    if not content._content or "<img" not in content._content or not content.save_as:
        return
    cache = cache_folder(content.settings)
    seen = 0

    def replace(match):
        nonlocal seen
        tag, first = match.group(0), seen == 0
        seen += 1
        extra = {"decoding": "async"} if first else {"loading": "lazy", "decoding": "async"}
        local = LOCAL_SRC.search(tag)
        if not local:
            return _with(tag, extra)
        path, relative = source_file(content, local.group(2))
        if not is_raster(path):
            return _with(tag, {**_size_of(path), **extra})
        made = _variants(path, cache, content, local.group(1) + local.group(2))
        if _is_article(content) and not hasattr(content, "og_image"):
            _set_og_image(content, path, cache, made, relative, tag)
        if first and _is_article(content) and _leads(content, match.start(), made):
            extra["fetchpriority"] = "high"
        return picture(tag, made, addresses(made, relative, content), extra)

    content._content = IMG.sub(replace, content._content)


def _variants(path, cache, content, link):
    # content_checks reports what a file's header shows; this is the last guard, for what
    # only decoding shows (an animation over budget, a broken profile).
    try:
        return variants(path, cache, os.path.relpath(path, content.settings["PATH"]))
    except ImageTrouble as trouble:
        problem = str(trouble)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as error:
        problem = f"går inte att läsa ({error}) — exportera den igen"
    # As content_checks writes it: path:line: {static}../images/x.gif what — fix
    raise SystemExit(f"{_line_of(content.source_path, link)}: {link} {problem}")


def _line_of(source_path, link):
    """path:line of the first line of the source that has link (path:1 if none), the path
    as the editor's terminal shows it (as content_checks does)."""
    with open(source_path, encoding="utf-8") as source:
        number = next((n for n, line in enumerate(source, 1) if link in line), 1)
    shown = os.path.relpath(source_path)
    return f"{source_path if shown.startswith('..') else shown}:{number}"


def _is_article(content):
    return isinstance(content, Article)


def _leads(content, offset, made):
    text_before = TAG.sub("", content._content[:offset]).strip()
    return len(text_before) <= LEAD_TEXT_CHARS and made.widths[-1] >= LEAD_MIN_WIDTH


def _set_og_image(content, path, cache, made, relative, tag):
    name = published_name(relative, made.key, "delning.jpg", content.settings)
    background = page_background(content.settings["THEME"])
    _note(content, name, og_image(path, cache, background))
    alt = ALT.search(tag)
    content.og_image = {"path": name, "alt": alt.group(1) if alt else ""}


def _size_of(path):
    if path.lower().endswith(".svg") and os.path.isfile(path):
        size = svg_size(path)
        return {"width": str(size[0]), "height": str(size[1])} if size else {}
    try:
        with Image.open(path) as image:
            return {"width": str(image.width), "height": str(image.height)}
    except (OSError, UnidentifiedImageError):
        return {}  # SVG has no pixel size; a missing file is content_checks' to report


def _with(tag, extra):
    added = " ".join(f'{k}="{v}"' for k, v in extra.items() if f"{k}=" not in tag)
    return tag[:4] + " " + added + tag[4:] if added else tag


def drop_originals(static_generator):
    """Originals are never published: leave out every image file in content/ but SVGs
    that no page links to as a file (its <img>s now point at the variants) and that no
    setting names (SHARE_IMAGE, for link previews)."""
    linked = set(static_generator.context["static_links"])
    kept = {static_generator.settings.get("SHARE_IMAGE")}
    static_generator.staticfiles[:] = [
        static
        for static in static_generator.staticfiles
        if not is_original(static.source_path) or static.relative_source_path in linked | kept
    ]


def publish(generators):
    """Copy the variants the written pages use from the cache into the output."""
    output = generators[0].output_path
    for name, cached in PUBLISHED.items():
        target = os.path.join(output, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.exists(target):  # an output/ built before: same name, same bytes
            continue
        try:
            os.link(cached, target)  # same disk: no copy at all
        except OSError:
            shutil.copyfile(cached, target)


def forget_last_build(pelican):
    PUBLISHED.clear()


def register():
    # One line per image processed, shown without `pelican -v` as Pelican's own summary is.
    logging.getLogger(__name__).setLevel(logging.INFO)
    signals.initialized.connect(forget_last_build)
    signals.content_object_init.connect(rewrite_images)
    content_object_reused.connect(publish_again)
    signals.static_generator_finalized.connect(drop_originals)
    signals.all_generators_finalized.connect(publish)
