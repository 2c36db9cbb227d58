"""Settings that follow from others are worked out after every override (issue 21): one
origin for absolute addresses, the feed's domain, and the CMS's local backend only in a
preview."""

import pytest

from conftest import PRODUCTION_ENV, ROOT, SETTINGS, build, parse
from site_model.settings import derive, read

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
    production = read(ROOT / "publishconf.py")
    assert production["PRODUCTION"] and production["CMS_LOCAL_BACKEND"] == ""
    assert production["SITE_ORIGIN"] == production["FEED_DOMAIN"] == PRODUCTION_ENV["SITEURL"]


def test_a_siteurl_given_on_the_command_line_reaches_every_absolute_address(tmp_path):
    assert SETTINGS["PRODUCTION"] is False
    result = build("pelican.conf.py", tmp_path, overrides={"SITEURL": "https://test.epm.se"})
    assert result.returncode == 0, result.stderr
    page = parse(tmp_path, "/kontakt/")
    assert page.select_one("link[rel=canonical]")["href"] == "https://test.epm.se/kontakt/"
    back = page.find("input", attrs={"name": SETTINGS["CONTACT_FORM_FIELDS"]["redirect"]})
    assert back["value"] == "https://test.epm.se/kontakt/tack/"
    feed = (tmp_path / "artiklar" / "atom.xml").read_text("utf-8")
    assert "https://test.epm.se/artiklar/" in feed and "127.0.0.1" not in feed
