"""Settings that follow from others are worked out after every override (issue 21): one
origin for absolute addresses, the feed's domain, and the CMS's local backend only in a
preview."""

import pytest
from pelican.settings import get_settings_from_file

from conftest import PRODUCTION_ENV, ROOT, SETTINGS
from site_model.settings import derive

PREVIEW = {"SITEURL": "", "PREVIEW_URL": "http://127.0.0.1:8000", "PREVIEW_HOST": "127.0.0.1"}


@pytest.mark.parametrize(
    ("given", "origin", "backend"),
    [
        ({**PREVIEW, "PRODUCTION": False}, "http://127.0.0.1:8000", "http://127.0.0.1:8081/api/v1"),
        (
            {**PREVIEW, "SITEURL": "https://www.epm.se", "PRODUCTION": True},
            "https://www.epm.se",
            "",
        ),
    ],
)
def test_origin_feed_domain_and_cms_backend_follow_the_site(given, origin, backend):
    settings = derive({**SETTINGS, **given, "CMS_SERVER_PORT": 8081})
    assert (settings["SITE_ORIGIN"], settings["FEED_DOMAIN"]) == (origin, origin)
    assert settings["CMS_LOCAL_BACKEND"] == backend


def test_publishconf_derives_again_after_its_overrides(monkeypatch):
    """Derived in pelican.conf.py for the preview, then again in publishconf.py."""
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    production = get_settings_from_file(str(ROOT / "publishconf.py"))  # as Pelican reads it
    assert production["PRODUCTION"] and production["CMS_LOCAL_BACKEND"] == ""
    assert production["SITE_ORIGIN"] == production["FEED_DOMAIN"] == PRODUCTION_ENV["SITEURL"]
