"""preview_reuse: in `invoke livereload`, a save of articles renders only those articles'
pages; every other article's page is linked from the site the preview serves.

At 300 articles, rendering the 300 article pages was a third of every save's rebuild.
An article's page shows nothing of the other articles (theme/templates/article.html;
tests/repository/test_preview_reuse.py fails the day it does), so a save of one article
changes no other article's page; the lists, the services, the start page, the feed and
every other page are built as always. tasks.py says what changed, as PREVIEW_CHANGED: the
content files modified since the last good build, or None when anything else changed, a
file was added or removed, or the last build failed; then every page is rendered.
"""

import os
from pathlib import Path

from pelican import signals
from pelican.writers import Writer

SETTINGS = ("PREVIEW_SERVED", "PREVIEW_CHANGED")  # the served folder, the changed files
CONTEXT = {}  # "articles": the build's published articles, once every generator has read


def reusing_writer(pelican):
    """A writer that links unchanged article pages, when only articles changed."""
    settings = pelican.settings
    served, changed = (settings.get(name) for name in SETTINGS)
    if not served or changed is None:
        return None
    changed = {os.path.abspath(path) for path in changed}
    articles = {os.path.abspath(article.source_path) for article in CONTEXT.get("articles", [])}
    if not changed <= articles:  # a page, a service, an image…: any page may show it
        return None
    return _writer(Path(served), changed)


def _writer(served, changed):
    class ReusingWriter(Writer):
        def write_file(self, name, template, context, *args, article=None, **kwargs):
            if article is not None and os.path.abspath(article.source_path) not in changed:
                try:
                    target = Path(self.output_path) / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.link(served / name, target)
                except OSError:  # not served yet (a new slug), or another disk: render it
                    pass
                else:  # as Pelican's writer says of a page it wrote (the sitemap lists it)
                    written = {**context, **kwargs, "article": article, "output_file": name}
                    signals.content_written.send(str(target), context=written)
                    return
            super().write_file(name, template, context, *args, article=article, **kwargs)

    return ReusingWriter


def keep_articles(generators):
    CONTEXT["articles"] = generators[0].context.get("articles", [])


def register():
    signals.all_generators_finalized.connect(keep_articles)
    signals.get_writer.connect(reusing_writer)
