"""reading_aids: gives each article and page its `contents_list`, the sections as (id,
title), and `reading_minutes`, at 200 words a minute (a common figure for Swedish prose).

The theme shows the list as "Innehåll" above the text and the minutes in the byline.
Markdown's `toc` extension gives the headings their ids but only exposes the list through
a `[TOC]` marker in the text; the theme, not the editor, decides where the list goes.
Worked out once per text here rather than in the templates, which render an article's
byline on several pages.
"""

import html
import math
import re

from pelican import signals

WORDS_PER_MINUTE = 200
# Markdown's own output, so its shape is known: <h2 id="…">…</h2>. A regular expression
# reads it several times faster than an HTML parser, which matters at a thousand articles.
SECTION = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def add_reading_aids(content):
    text = content._content or ""
    content.contents_list = [
        (anchor, html.unescape(TAG.sub("", title)).strip())
        for anchor, title in SECTION.findall(text)
    ]
    words = len(TAG.sub(" ", text).split())
    content.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))


def register():
    signals.content_object_init.connect(add_reading_aids)
