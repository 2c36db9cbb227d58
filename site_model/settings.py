"""The settings that follow from others, worked out by one function, `derive`.

Both settings files end by calling it (publishconf.py after its overrides), and
plugins/derived_settings calls it again when Pelican starts, after `pelican -e`: a value
worked out once in pelican.conf.py would be stale wherever an override changes what it
follows from. Pelican's own configure_settings works the same way for its settings.
Tools and tests read the settings with `read(path)`, which derives them as a build does.
"""

from pathlib import Path

from pelican.settings import get_settings_from_file

from .addresses import saved_as
from .company import known
from .kinds import content_kinds


def derive(settings: dict) -> dict:
    """Add the derived settings to `settings` (a dict of settings, changed in place) and
    return it. Raises ValueError for a CONTENT_KINDS entry that is wrong.

    - ARTICLE_PATHS, PAGE_PATHS (and each in the other's _EXCLUDES), ARTICLE_URL/_SAVE_AS,
      PAGE_URL/_SAVE_AS: from the kinds;
    - DIRECT_TEMPLATES and <TEMPLATE>_URL/_SAVE_AS: each kind's list page;
    - LIST_PAGES: {page_name: Kind}, for the list templates (`LIST_PAGES[page_name]`);
    - MENU: the list pages in their `menu` order, then MENU_LINKS;
    - COMPANY: {fact: value} of the COMPANY_FACTS that have a value (site_model/company.py);
    - SITE_ORIGIN: where absolute links point, the published SITEURL or the PREVIEW_URL;
    - FEED_DOMAIN: the same (feeds need absolute URLs, even in a preview);
    - CMS_LOCAL_BACKEND: decap-server's API at CMS_SERVER_PORT in a preview; "" when
      PRODUCTION, where the CMS saves through GitHub. Always derived: to point the CMS at
      another decap-server, set CMS_SERVER_PORT (as the CMS tests do).
    """
    kinds = content_kinds(settings)
    settings["ARTICLE_PATHS"] = [kinds["article"].folder]
    settings["PAGE_PATHS"] = [kind.folder for kind in kinds.values() if kind.name != "article"]
    # As Pelican's configure_settings does, which a kind given by `pelican -e` comes after.
    for paths, excludes in (("PAGE_PATHS", "ARTICLE_EXCLUDES"), ("ARTICLE_PATHS", "PAGE_EXCLUDES")):
        settings[excludes] = list(dict.fromkeys([*settings.get(excludes, []), *settings[paths]]))
    for name in ("article", "page"):
        settings[f"{name.upper()}_URL"] = kinds[name].url
        settings[f"{name.upper()}_SAVE_AS"] = saved_as(kinds[name].url)
    lists = {kind.list_page.template: kind for kind in kinds.values() if kind.list_page}
    settings["DIRECT_TEMPLATES"] = list(lists)
    for template, kind in lists.items():
        settings[f"{template.upper()}_URL"] = kind.list_page.url
        settings[f"{template.upper()}_SAVE_AS"] = saved_as(kind.list_page.url)
    # Pelican gives a list's template `page_name`, its file less ".html": "tjanster/index".
    settings["LIST_PAGES"] = {
        saved_as(k.list_page.url).removesuffix(".html"): k for k in lists.values()
    }
    in_menu = sorted(
        (k.list_page for k in lists.values() if k.list_page.menu), key=lambda page: page.menu
    )
    settings["MENU"] = [(page.title, page.url) for page in in_menu] + settings["MENU_LINKS"]

    settings["COMPANY"] = known(settings)
    settings["SITE_ORIGIN"] = settings["SITEURL"] or settings["PREVIEW_URL"]
    settings["FEED_DOMAIN"] = settings["SITE_ORIGIN"]
    local = f"http://{settings['PREVIEW_HOST']}:{settings['CMS_SERVER_PORT']}/api/v1"
    settings["CMS_LOCAL_BACKEND"] = "" if settings["PRODUCTION"] else local
    return settings


def read(path: str | Path) -> dict:
    """The settings of a settings file (pelican.conf.py, publishconf.py) as a build sees
    them, less Pelican's defaults: a dict."""
    return derive(get_settings_from_file(str(path)))
