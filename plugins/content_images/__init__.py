"""content_images: every image an editor puts in the text gets its width and height, so the
page does not jump while it loads, decoding="async", and loading="lazy" from the second
image on (the first may be on screen at once, where lazy loading would only delay it).

Sizes are read with Pillow from the files that {static} and {attach} links point to;
images given by another address are left as they are.
"""

import os
import re

from pelican import signals
from PIL import Image, UnidentifiedImageError

IMG = re.compile(r"<img\b[^>]*>")
LOCAL_SRC = re.compile(r'\bsrc="\{(?:static|attach)\}([^"]+)"')


def image_size(content, target):
    base = (
        content.settings["PATH"] if target.startswith("/") else os.path.dirname(content.source_path)
    )
    try:
        with Image.open(os.path.join(base, target.lstrip("/"))) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None  # a missing file is content_checks' to report; SVG has no pixel size


def add_image_attributes(content):
    seen = 0

    def with_attributes(match):
        nonlocal seen
        tag, extra = match.group(0), []
        source = LOCAL_SRC.search(tag)
        size = image_size(content, source.group(1)) if source else None
        if size and "width=" not in tag:
            extra.append(f'width="{size[0]}" height="{size[1]}"')
        if seen and "loading=" not in tag:
            extra.append('loading="lazy"')
        if "decoding=" not in tag:
            extra.append('decoding="async"')
        seen += 1
        return tag[:4] + " " + " ".join(extra) + tag[4:] if extra else tag

    if content._content and "<img" in content._content:
        content._content = IMG.sub(with_attributes, content._content)


def register():
    signals.content_object_init.connect(add_image_attributes)
