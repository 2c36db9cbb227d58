"""contents_list: gives each article and page `contents_list`, its sections as (id, title).

The theme renders it as a "Innehåll" navigation above the text. Markdown's `toc`
extension gives the headings their ids but only exposes the list through a `[TOC]`
marker in the text; the theme, not the editor, decides where the list goes.
"""

from html.parser import HTMLParser

from pelican import signals

SECTION_TAG = "h2"


class SectionHeadings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sections = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        if tag == SECTION_TAG:
            self._open = [dict(attrs).get("id"), ""]

    def handle_data(self, data):
        if self._open:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == SECTION_TAG and self._open:
            anchor, title = self._open
            if anchor:
                self.sections.append((anchor, title.strip()))
            self._open = None


def add_contents_list(content):
    parser = SectionHeadings()
    parser.feed(content._content or "")
    content.contents_list = parser.sections


def register():
    signals.content_object_init.connect(add_contents_list)
