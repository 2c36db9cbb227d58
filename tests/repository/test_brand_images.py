"""The accent colour lives in site.css and favicon.svg only: the PNG icon and the share
image are drawn from them by `invoke brand-images` (tools/brand_images.py), and a colour
changed in one place but not drawn again fails here, saying what to run."""

import re

from PIL import Image, ImageChops

from tools.brand_images import FAVICON, SHARE_IMAGE, TOUCH_ICON, draw, light_tokens

# Chromium's text rendering may move an edge pixel between machines; a colour or a word
# changed moves thousands (the accent bar alone is 19,200 pixels).
MOST_PIXELS_CHANGED = 0.002
TOLERANCE = 4  # per channel: a shade of the accent is a change


def changed_share(drawn, committed):
    """The share of pixels that differ by more than TOLERANCE in some channel."""
    with Image.open(drawn) as new, Image.open(committed) as old:
        red, green, blue = ImageChops.difference(new.convert("RGB"), old.convert("RGB")).split()
        most = ImageChops.lighter(ImageChops.lighter(red, green), blue)  # per pixel
        changed = sum(most.histogram()[TOLERANCE + 1 :])
        return changed / (new.width * new.height)


def test_the_committed_pngs_are_what_the_sources_draw(tmp_path, browser):
    icon, share = tmp_path / "icon.png", tmp_path / "share.png"
    draw(icon, share, browser=browser)  # the session's Chromium (conftest.py)
    fix = "run `uv run invoke brand-images` and commit the two PNGs"
    assert changed_share(icon, TOUCH_ICON) <= MOST_PIXELS_CHANGED, fix
    assert changed_share(share, SHARE_IMAGE) <= MOST_PIXELS_CHANGED, fix


def test_the_icon_is_drawn_in_the_stylesheets_accent_and_paper():
    tokens = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})", light_tokens()))
    fills = re.findall(r'fill="(#[0-9a-f]{6})"', FAVICON.read_text("utf-8"))
    assert fills == [tokens["accent"], tokens["paper"]]  # the square, the letter
