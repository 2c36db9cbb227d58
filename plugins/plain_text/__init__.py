"""plain_text: titles and summaries are plain text, shown exactly as the editor typed them.

Pelican treats both as HTML: to its feed writer a "<" in a title starts a tag, which it
strips, and a Markdown summary passes raw HTML through. Escaping both once, as Markup,
makes every reader agree: Jinja's autoescape leaves Markup as it is, `striptags` turns
it back into the typed text (for attributes and JSON), and the feed shows it as typed.
"""

from markupsafe import Markup, escape
from pelican import signals

FIELDS = ("title", "summary")


def escape_fields(content):
    for name in FIELDS:
        value = content.metadata.get(name)
        if isinstance(value, str) and not isinstance(value, Markup):
            content.metadata[name] = escape(value)
    if "title" in content.metadata:
        content.title = content.metadata["title"]


def register():
    signals.content_object_init.connect(escape_fields)
