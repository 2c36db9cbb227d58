"""content_kinds: the kinds of content of our own in CONTENT_KINDS (services, coaches,
client cases).

Pelican knows articles and pages only. A kind of our own (site_model/kinds.py) is a
folder of pages with its own address, its template and an editor-set `order`; templates
get the published ones, in that order, as `kind_pages[folder]` (`kind_pages.services`),
and they stay out of `pages`. Every page of such a kind carries its Kind as
`page.content_kind` (its labels and its list page, for headings and links).

Worked out here once, for the templates:
- relations: a field named after a kind's folder names its pages by slug (an article's
  `services:`). The naming page gets them as `related_<folder>` (`article.related_services`),
  each named page the published pages naming it, by their folder (`service.related_articles`,
  `service.related_cases`), unless it names those itself (a service's `coaches:`);
- authors: an article's `author:` that is the title of a page of the AUTHOR_PROFILES kind
  (a coach) gives `article.author_page`, and that page `authored_articles`;
- lists: a kind with nothing published has no list page and no menu entry, rather than
  an empty page a reader is sent to.
"""

from pathlib import PurePath

from markupsafe import Markup
from pelican import signals
from pelican.contents import Page
from pelican.generators import ArticlesGenerator

from site_model.addresses import saved_as
from site_model.contents import ARTICLES, PAGES, PUBLISHED_PAGES, contents, listed_folders
from site_model.kinds import content_kinds, own_kinds


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


def collect(context):
    """Move each kind's pages out of `pages` into `kind_pages[folder]`, in their order."""
    context["kind_pages"] = {}
    for folder in own_kinds(context):
        listed = [page for page in context["pages"] if folder_of(page) == folder]
        listed.sort(key=lambda page: (page.metadata["order"], page.slug))
        # In place: the generators hold these same lists.
        context["pages"][:] = [page for page in context["pages"] if folder_of(page) != folder]
        context["hidden_pages"].extend(listed)
        context["kind_pages"][folder] = listed


def relate(context):
    """`related_<folder>` both ways, for every field that names pages of a kind."""
    kinds = content_kinds(context)
    by_folder = {kind.folder: kind for kind in kinds.values()}
    listed = {kinds["article"].folder: context["articles"], **context["kind_pages"]}
    # Hidden and draft pages are built too, so they get their related pages as well.
    for content in contents(context, ARTICLES) + contents(context, PAGES):
        kind = by_folder.get(folder_of(content))
        if kind is None:
            continue
        for folder, items in listed.items():
            if folder in kind.fields:  # it names them itself: `services: [slug, …]`
                named = content.metadata.get(folder) or []
                related = [item for item in items if item.slug in named]
            elif kind.own:  # they may name it
                related = [i for i in items if content.slug in (i.metadata.get(kind.folder) or [])]
            else:
                continue
            setattr(content, f"related_{folder}", related)


def link_authors(context):
    """An article's author and their profile page (a coach), each way; the published
    profiles, listed or hidden, as `author_profiles` for the templates and JSON-LD."""
    kind = content_kinds(context).get(context.get("AUTHOR_PROFILES") or "")
    published = contents(context, PUBLISHED_PAGES)
    profiles = [page for page in published if kind and folder_of(page) == kind.folder]
    profiles.sort(key=lambda page: (page.metadata["order"], page.slug))
    context["author_profiles"] = profiles
    by_name = {Markup(page.title).unescape(): page for page in profiles}
    for article in contents(context, ARTICLES):
        article.author_page = by_name.get(str(article.author))
    for page in profiles:
        page.authored_articles = [a for a in context["articles"] if a.author_page is page]


def drop_empty_lists(generators, context):
    """No list page and no menu entry for a kind with nothing listed; `written_lists`, the
    addresses of those written, tells a page whether to link to its kind's list."""
    listed = listed_folders(context)
    lists = [kind.list_page.url for kind in content_kinds(context).values() if kind.list_page]
    empty = {
        kind.list_page.url
        for kind in content_kinds(context).values()
        if kind.list_page and kind.folder not in listed
    }
    context["written_lists"] = [url for url in lists if url not in empty]
    if not empty:
        return
    context["MENU"] = [(title, url) for title, url in context["MENU"] if url not in empty]
    written = [
        template
        for template in context["DIRECT_TEMPLATES"]
        if context[f"{template.upper()}_URL"] not in empty
    ]
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):  # it writes the lists; a copy, as the
            # settings object outlives this build (livereload builds again with it)
            generator.settings = {**generator.settings, "DIRECT_TEMPLATES": written}


def finalize(generators):
    context = generators[0].context  # shared by every generator
    collect(context)
    relate(context)
    link_authors(context)
    drop_empty_lists(generators, context)


def register():
    signals.content_object_init.connect(give_kind)
    signals.all_generators_finalized.connect(finalize)
