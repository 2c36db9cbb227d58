"""derived_settings: the settings that follow from others, worked out once, after every
override (publishconf.py, `pelican -e`, the environment), as Pelican's own
configure_settings does for its settings. A value worked out in pelican.conf.py would be
stale wherever publishconf.py or `-e` changes what it follows from.

- SITE_ORIGIN: where links and the form's return address point, the published SITEURL or
  the preview's PREVIEW_URL (absolute URLs are needed in JSON-LD, feeds, redirects).
- FEED_DOMAIN: the same (feeds need absolute URLs, even in a preview).
- CMS_LOCAL_BACKEND: decap-server's address in a preview; none in production, where the
  CMS saves through GitHub. An explicit value (a test's decap-server) is kept.
"""

from pelican import signals


def derive(settings):
    """Add the derived settings to settings (a dict, changed in place); returns it."""
    settings["SITE_ORIGIN"] = settings["SITEURL"] or settings["PREVIEW_URL"]
    settings["FEED_DOMAIN"] = settings["SITE_ORIGIN"]
    if settings.get("CMS_LOCAL_BACKEND") is None:
        local = f"http://{settings['PREVIEW_HOST']}:{settings['CMS_SERVER_PORT']}/api/v1"
        settings["CMS_LOCAL_BACKEND"] = "" if settings["PRODUCTION"] else local
    return settings


def derive_for(pelican):
    derive(pelican.settings)


def register():
    signals.initialized.connect(derive_for)
