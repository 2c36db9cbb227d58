"""content_kinds: the page kinds of our own in CONTENT_KINDS (today: services).

Pelican knows articles and pages only. A kind with a `template` is a folder of pages with
its own address, that template and an editor-set `order`; templates get them, in that
order, under the folder's name (`services`), and they stay out of `pages`. Which pages of
a kind an article names (its `services:` field) and which articles name a page are worked
out here once, for the templates to show: `article.related_services`, `page.related_articles`.
"""

from pathlib import PurePath

from pelican import signals
from pelican.contents import Page
from pelican.generators import ArticlesGenerator, PagesGenerator


def own_kinds(settings):
    """{folder: kind settings} for the kinds that have a template of their own."""
    return {
        kind["folder"]: kind for kind in settings["CONTENT_KINDS"].values() if "template" in kind
    }


def folder_of(content):
    return PurePath(content.relative_source_path).parts[0]


def give_kind_url(content):
    kind = own_kinds(content.settings).get(folder_of(content))
    if not isinstance(content, Page) or kind is None:
        return
    content.template = kind["template"]  # a draft is previewed as it will be published
    if content.status == "draft":
        return  # but keeps Pelican's draft URL, so production never writes it
    content.override_url = kind["url"].format(slug=content.slug)
    content.override_save_as = content.override_url + "index.html"


def collect_and_relate(generators):
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    # Hidden and draft articles are built too, so they get their related pages as well.
    built = [*articles.articles, *articles.hidden_articles, *articles.drafts]
    for folder in own_kinds(pages.settings):
        listed = [page for page in pages.pages if folder_of(page) == folder]
        listed.sort(key=lambda page: (page.metadata["order"], page.slug))
        hidden = [page for page in pages.hidden_pages if folder_of(page) == folder]
        drafts = [page for page in pages.draft_pages if folder_of(page) == folder]
        # In place: the shared context holds these same lists.
        pages.pages[:] = [page for page in pages.pages if folder_of(page) != folder]
        pages.hidden_pages.extend(listed)
        pages.context[folder] = listed
        for article in built:
            named = article.metadata.get(folder) or []
            setattr(article, f"related_{folder}", [page for page in listed if page.slug in named])
        for page in [*listed, *hidden, *drafts]:
            page.related_articles = [
                article
                for article in articles.articles
                if page.slug in (article.metadata.get(folder) or [])
            ]


def register():
    signals.content_object_init.connect(give_kind_url)
    signals.all_generators_finalized.connect(collect_and_relate)
