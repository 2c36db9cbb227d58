"""content_kinds: the kinds of content of our own in CONTENT_KINDS (today: services).

Pelican knows articles and pages only. A kind of our own (site_model/kinds.py) is a
folder of pages with its own address, its template and an editor-set `order`; templates
get them, in that order, as `kind_pages[folder]` (`kind_pages.services`),
and they stay out of `pages`. Every page of such a kind carries its Kind as
`page.content_kind` (its labels and its list page, for headings and links). Which pages
of a kind an article names (its `services:` field) and which articles name a page are
worked out here once: `article.related_services`, `page.related_articles`.
"""

from pathlib import PurePath

from pelican import signals
from pelican.contents import Page

from site_model.addresses import saved_as
from site_model.contents import ARTICLES, PAGES, contents
from site_model.kinds import own_kinds


def folder_of(content):
    return PurePath(content.relative_source_path).parts[0]


def give_kind(content):
    kind = own_kinds(content.settings).get(folder_of(content))
    if not isinstance(content, Page) or kind is None:
        return
    content.content_kind = kind
    content.template = kind.template  # a draft is previewed as it will be published
    if content.status == "draft":
        return  # but keeps Pelican's draft URL, so production never writes it
    content.override_url = kind.address(content.slug)
    content.override_save_as = saved_as(content.override_url)


def collect_and_relate(generators):
    context = generators[0].context  # shared by every generator
    context["kind_pages"] = {}
    for folder in own_kinds(context):
        listed = [page for page in context["pages"] if folder_of(page) == folder]
        listed.sort(key=lambda page: (page.metadata["order"], page.slug))
        # In place: the generators hold these same lists.
        context["pages"][:] = [page for page in context["pages"] if folder_of(page) != folder]
        context["hidden_pages"].extend(listed)
        context["kind_pages"][folder] = listed
        # Hidden and draft articles are built too, so they get their related pages as well.
        for article in contents(context, ARTICLES):
            named = article.metadata.get(folder) or []
            setattr(article, f"related_{folder}", [page for page in listed if page.slug in named])
        for page in contents(context, PAGES):
            if folder_of(page) == folder:
                page.related_articles = [
                    article
                    for article in context["articles"]
                    if page.slug in (article.metadata.get(folder) or [])
                ]


def register():
    signals.content_object_init.connect(give_kind)
    signals.all_generators_finalized.connect(collect_and_relate)
