"""A setting given on Pelican's command line (`pelican -e`) reaches everything derived from
it: derived_settings derives again when Pelican starts (site_model/settings.py)."""

from conftest import FIXTURE_CONTENT, SETTINGS, build, parse


def test_a_siteurl_given_on_the_command_line_reaches_every_absolute_address(tmp_path):
    assert SETTINGS["PRODUCTION"] is False
    overrides = {"SITEURL": "https://test.epm.se", "FEED_MAX_ITEMS": 1}
    result = build("pelican.conf.py", tmp_path, content=FIXTURE_CONTENT, overrides=overrides)
    assert result.returncode == 0, result.stderr
    page = parse(tmp_path, "/kontakt/")
    assert page.select_one("link[rel=canonical]")["href"] == "https://test.epm.se/kontakt/"
    back = page.find("input", attrs={"name": SETTINGS["CONTACT_FORM_FIELDS"]["redirect"]})
    assert back["value"] == "https://test.epm.se/kontakt/tack/"
    feed = (tmp_path / "artiklar" / "atom.xml").read_text("utf-8")
    assert "https://test.epm.se/artiklar/" in feed and "127.0.0.1" not in feed
    # FEED_MAX_ITEMS given there holds too: only the newest of the two articles
    assert feed.count("<entry>") == 1 and "/artiklar/att-valja-coach/" in feed
