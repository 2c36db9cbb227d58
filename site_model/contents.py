"""Every article and page a build holds, whichever of Pelican's lists keeps it.

Pelican keeps contents in six lists of its shared context by status. A plugin that
forgets one misses pages (a forgotten `hidden_articles` once shipped broken images), so
the lists are named here once.
"""

from pathlib import PurePath

PUBLISHED_ARTICLES = ("articles", "hidden_articles")
PUBLISHED_PAGES = ("pages", "hidden_pages")
ARTICLES = (*PUBLISHED_ARTICLES, "drafts")  # drafts are written in a preview only
PAGES = (*PUBLISHED_PAGES, "draft_pages")
PUBLISHED = PUBLISHED_ARTICLES + PUBLISHED_PAGES


def contents(context: dict, lists: tuple[str, ...] = ARTICLES + PAGES) -> list:
    """The articles and pages in the named lists of Pelican's shared context (a dict), list
    by list; every one of them by default."""
    return [content for name in lists for content in context.get(name, [])]


def listed_folders(context: dict) -> set[str]:
    """The content folders with a page in a list (published, neither hidden nor a draft):
    the kinds whose list page is written. The same before and after plugins/content_kinds
    moves its kinds' pages out of `pages`, so any plugin may ask."""
    return {
        PurePath(content.relative_source_path).parts[0]
        for content in contents(context, PUBLISHED)
        if content.status == "published"
    }
