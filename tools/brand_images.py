"""The site's two PNG images, drawn from their sources, so that the accent colour lives in
theme/static/css/site.css and theme/static/favicon.svg only (issue 21):

- theme/static/apple-touch-icon.png: favicon.svg at 180 × 180 px with square corners
  (iOS rounds them itself);
- content/images/epm-delning.png: the share image (SHARE_IMAGE, 1200 × 630), the firm's
  short and full name and its tagline in the theme's own colours and fonts.

    uv run invoke brand-images

Chromium draws them, the browser the site is made for, from the stylesheet itself; the
tests draw them again and compare (tests/repository/test_brand_images.py).
"""

import re
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
FAVICON = ROOT / "theme/static/favicon.svg"
STYLESHEET = ROOT / "theme/static/css/site.css"
TOUCH_ICON = ROOT / "theme/static/apple-touch-icon.png"
SHARE_IMAGE = ROOT / "content/images/epm-delning.png"
TOUCH_SIZE = 180  # Apple's size for iPhone home screens
SHARE_SIZE = (1200, 630)  # Open Graph, as LinkedIn and Facebook crop it
CHROMIUM = {
    "executable_path": "/usr/bin/chromium",
    "args": ["--no-sandbox", "--disable-gpu", "--force-color-profile=srgb"],
}
SHARE_CARD = """<!doctype html><html lang="sv"><style>{css}
body {{ margin: 0; width: {width}px; height: {height}px; background: var(--paper);
  border-top: 16px solid var(--accent); box-sizing: border-box; padding: 128px 96px; }}
.name {{ font: 700 120px/1 var(--font-display); letter-spacing: 0.08em; color: var(--accent);
  margin: 0; }}
.full {{ font: 34px/1.2 var(--font-text); color: var(--ink-soft); margin: 18px 0 52px; }}
.tagline {{ font: 700 52px/1.2 var(--font-display); color: var(--ink); margin: 0;
  max-width: 12.5em; }}
</style><p class="name">{short}</p><p class="full">{full}</p>
<p class="tagline">{tagline}</p></html>"""


def light_tokens():
    """site.css's custom properties of the light scheme (:root), as a CSS rule."""
    css = STYLESHEET.read_text("utf-8")
    root = re.search(r":root\s*\{(.*?)\}", css, re.DOTALL).group(1)
    return ":root {" + root + "}"


def draw(touch_icon=TOUCH_ICON, share_image=SHARE_IMAGE, words=None, browser=None):
    """Draw both PNGs. words: (short name, full name, heading), from pelican.conf.py;
    browser: a Playwright Browser to draw in (the tests'), or None to launch Chromium."""
    if browser is None:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(**CHROMIUM)
            draw(touch_icon, share_image, words, chromium)
            chromium.close()
        return
    short, full, tagline = words or site_words()
    square = re.sub(r'\s+rx="[^"]*"', "", FAVICON.read_text("utf-8"), count=1)
    page = browser.new_page(viewport={"width": TOUCH_SIZE, "height": TOUCH_SIZE})
    page.set_content(
        f'<body style="margin:0"><img style="display:block" width="{TOUCH_SIZE}" '
        f'height="{TOUCH_SIZE}" src="data:image/svg+xml,{_escaped(square)}">'
    )
    page.screenshot(path=str(touch_icon))
    width, height = SHARE_SIZE
    page.set_viewport_size({"width": width, "height": height})
    card = SHARE_CARD.format(
        css=light_tokens(), width=width, height=height, short=short, full=full, tagline=tagline
    )
    page.set_content(card)
    page.screenshot(path=str(share_image))
    page.close()


def site_words():
    from pelican.settings import get_settings_from_file

    settings = get_settings_from_file(str(ROOT / "pelican.conf.py"))
    return settings["SITE_SHORTNAME"], settings["SITE_FULLNAME"], settings["SHARE_IMAGE_HEADING"]


def _escaped(svg):
    return svg.replace("#", "%23").replace('"', "'").replace("\n", " ")


if __name__ == "__main__":
    draw()
