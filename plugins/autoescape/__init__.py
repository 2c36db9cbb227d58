"""autoescape: HTML templates escape every value; text templates (robots.txt, _headers)
stay as written.

Templates mark Markdown-rendered HTML `|safe` explicitly. Done here rather than in
JINJA_ENVIRONMENT because a function there would stop Pelican's content cache from
pickling the settings.
"""

from jinja2 import select_autoescape
from pelican import signals


def escape_html_templates(generator):
    generator.env.autoescape = select_autoescape(enabled_extensions=["html"], default=False)


def register():
    signals.generator_init.connect(escape_html_templates)
