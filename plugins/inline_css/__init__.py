"""inline_css: the theme's one stylesheet, minified, for a <style> in every page, with its hash.

Inlined, the first render needs no second request (DESIGN.md: one round trip), and the
Content-Security-Policy can allow exactly this style by its hash, never 'unsafe-inline'.
Templates get INLINE_CSS and INLINE_CSS_HASH. The HTML minifier must leave <style> alone
(pelican.conf.py: INLINE_CSS_MIN = False), or the hash would no longer match.
"""

import base64
import hashlib
from pathlib import Path

import minify_html
from markupsafe import Markup
from pelican import signals

STYLESHEET = "static/css/site.css"
OPEN, CLOSE = "<style>", "</style>"


def minified_css(css):
    html = minify_html.minify(f"{OPEN}{css}{CLOSE}", minify_css=True)
    return html[len(OPEN) : -len(CLOSE)]


def csp_hash(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_stylesheet(pelican):
    css = minified_css((Path(pelican.settings["THEME"]) / STYLESHEET).read_text("utf-8"))
    pelican.settings["INLINE_CSS"] = Markup(css)
    pelican.settings["INLINE_CSS_HASH"] = csp_hash(css)


def register():
    signals.initialized.connect(inline_stylesheet)
