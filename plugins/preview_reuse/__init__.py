"""preview_reuse: in `invoke livereload`, a save of articles reads and renders only those
articles; every other article is kept from the build before, and its page linked from the
site the preview serves.

At 300 articles, rendering the 300 article pages was a third of every save's rebuild.
An article's page shows nothing of the other articles (theme/templates/article.html;
tests/repository/test_preview_reuse.py fails the day it does), so a save of one article
changes no other article's page; the lists, the services, the start page, the feed and
every other page are built as always. tasks.py says what changed, as PREVIEW_CHANGED: the
content files modified since the last good build, or None when anything else changed, a
file was added or removed, or the last build failed; then every file is read and every
page rendered.

Reading the 300 articles was a fifth of a save's rebuild at 300 articles. An unchanged
article file makes the same Article, so the build before's is handed to Pelican through
its generator's cache methods (Pelican's own content cache pickles every file's object to
disk on each build, and was slower than reading): with this build's context, so that its
links resolve against this build's pages, and `content_object_reused` sent for the
plugins that note something per build as an article is read (content_images' files).
"""

import os
from functools import partial
from pathlib import Path

from pelican import signals
from pelican.contents import Content
from pelican.writers import Writer

from site_model.signals import content_object_reused

SETTINGS = ("PREVIEW_SERVED", "PREVIEW_CHANGED")  # the served folder, the changed files
CONTEXT = {}  # "articles": the build's published articles, once every generator has read
READ = {}  # absolute source path: ((mtime in ns, size), Article) of the last preview build


def keep_read_articles(generator):
    """Have a preview's ArticlesGenerator take each unchanged article from READ."""
    served, changed = (generator.settings.get(name) for name in SETTINGS)
    if not served:
        return
    # Memoized per object and process-wide: a kept article's text, links and all, is made
    # again for this build's pages (and the objects of the builds before are let go).
    Content.get_content.cache.clear()
    Content.get_summary.cache.clear()
    changed = None if changed is None else {os.path.abspath(path) for path in changed}
    # Only articles changed: keep the others. A file saved while the build before read it
    # is in `changed` (tasks.py compares with the sources as that build began).
    kept = {}
    if changed is not None and changed <= READ.keys():
        kept = {path: read for path, read in READ.items() if path not in changed}
    READ.clear()
    generator.get_cached_data = partial(_kept_article, generator, kept)
    generator.cache_data = partial(_keep_article, generator)


def _stamp(path):
    state = os.stat(path)
    return state.st_mtime_ns, state.st_size


def _kept_article(generator, kept, filename, default=None):
    path = os.path.abspath(os.path.join(generator.path, filename))
    stamp, article = kept.get(path, (None, None))
    if article is None or stamp != _stamp(path) or not _images_kept(article):
        return default
    article._context, article.settings = generator.context, generator.settings
    READ[path] = stamp, article
    content_object_reused.send(article)
    return article


def _images_kept(article):
    """Whether the image files its page uses are still in the cache (`invoke clean` empties
    it while the preview runs): if not, it is read again and they are made again."""
    return all(os.path.exists(file) for file in getattr(article, "published_images", {}).values())


def _keep_article(generator, filename, article):
    path = os.path.abspath(os.path.join(generator.path, filename))
    READ[path] = _stamp(path), article


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
    signals.article_generator_init.connect(keep_read_articles)
    signals.all_generators_finalized.connect(keep_articles)
    signals.get_writer.connect(reusing_writer)
