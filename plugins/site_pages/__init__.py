"""site_pages: the pages every page links to (contact, thank-you, privacy), found once.

SITE_PAGES names each by its file in content/, so its address is wherever that file
puts it; templates read `site_pages.contact.url`, and the contact block shows the contact
page's own title and text. content_checks reports a file named here that is missing.
"""

from pelican import signals

from site_model.contents import PAGES, contents


def find_site_pages(generators):
    context = generators[0].context  # shared by every generator
    by_source = {page.relative_source_path: page for page in contents(context, PAGES)}
    context["site_pages"] = {role: by_source[path] for role, path in context["SITE_PAGES"].items()}


def register():
    signals.all_generators_finalized.connect(find_site_pages)
