"""services: Markdown files under content/services/ become EPM's service pages.

Pelican knows articles and pages only. A service is a page with its own URL
(SERVICE_URL, SERVICE_SAVE_AS), the `service` template and an editor-set `order`;
templates get them, in that order, as `services`, and they stay out of `pages`.
"""

from pathlib import PurePath

from pelican import signals
from pelican.contents import Page

SERVICES_FOLDER = "services"
TEMPLATE = "service"


def is_service(content):
    return PurePath(content.relative_source_path).parts[0] == SERVICES_FOLDER


def give_service_url(content):
    # A draft service keeps Pelican's draft URL, so production never writes it.
    if not isinstance(content, Page) or not is_service(content) or content.status == "draft":
        return
    settings = content.settings
    content.template = TEMPLATE
    content.override_url = settings["SERVICE_URL"].format(slug=content.slug)
    content.override_save_as = settings["SERVICE_SAVE_AS"].format(slug=content.slug)


def collect_services(generator):
    services = [page for page in generator.pages if is_service(page)]  # drafts are elsewhere
    # In place: the shared context holds these same lists.
    generator.pages[:] = [page for page in generator.pages if not is_service(page)]
    generator.hidden_pages.extend(services)
    generator.context["services"] = sorted(services, key=lambda page: page.metadata["order"])


def register():
    signals.content_object_init.connect(give_service_url)
    signals.page_generator_finalized.connect(collect_services)
