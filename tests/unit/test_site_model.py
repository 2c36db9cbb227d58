"""The site model alone (site_model/): a kind is one entry and everything Pelican, the menu
and the lists need follows from it; addresses and Pelican's content lists are written once.
No build: a failure names the function."""

import pytest

from conftest import SETTINGS
from site_model.addresses import old_addresses, saved_as
from site_model.contents import PUBLISHED, contents
from site_model.kinds import kind_from_entry
from site_model.settings import derive

SEMINARS = {
    "folder": "seminars",
    "url": "seminarier/{slug}/",
    "label": "Seminarium",
    "label_plural": "Seminarier",
    "template": "seminar",
    "list": {"url": "seminarier/", "template": "seminars", "menu": 3},
    "fields": ["title", "summary", "order", "status"],
}


def with_kind(name, entry):
    return derive({**SETTINGS, "CONTENT_KINDS": {**SETTINGS["CONTENT_KINDS"], name: entry}})


def test_a_new_kind_with_a_list_gets_its_pages_its_list_and_its_menu_place():
    settings = with_kind("seminar", SEMINARS)
    assert "seminars" in settings["PAGE_PATHS"]
    assert settings["DIRECT_TEMPLATES"][-1] == "seminars"
    assert (settings["SEMINARS_URL"], settings["SEMINARS_SAVE_AS"]) == (
        "seminarier/",
        "seminarier/index.html",
    )
    assert settings["LIST_PAGES"]["seminarier/index"].name == "seminar"
    # third in the menu, after the services (1) and the articles (2), and after the
    # coaches, also 3, which come first in CONTENT_KINDS; MENU_LINKS last
    lists, rest = SETTINGS["MENU"][:3], SETTINGS["MENU"][3:]
    assert settings["MENU"] == [*lists, ("Seminarier", "seminarier/"), *rest]


def test_a_kind_without_a_list_is_in_no_list_and_no_menu():
    settings = with_kind("seminar", {k: v for k, v in SEMINARS.items() if k != "list"})
    assert settings["DIRECT_TEMPLATES"] == SETTINGS["DIRECT_TEMPLATES"]
    assert settings["MENU"] == SETTINGS["MENU"]


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ({**SEMINARS, "colour": "blue"}, "unknown colour"),
        ({k: v for k, v in SEMINARS.items() if k != "template"}, "needs a 'template'"),
        ({k: v for k, v in SEMINARS.items() if k != "label"}, "label missing"),
        ({**SEMINARS, "list": {"url": "seminarier/", "template": "seminars", "order": 1}}, "order"),
        ({**SEMINARS, "list": {"url": "seminarier/"}}, r"\['list'\]: template missing"),
        ({**SEMINARS, "list": {"url": "seminarier/", "template": "page"}}, "cannot be named page"),
        ({**SEMINARS, "fields": "title"}, "must be a list of field names"),
    ],
)
def test_a_wrong_kind_entry_is_named_before_anything_is_built(entry, named):
    with pytest.raises(ValueError, match=named):
        kind_from_entry("seminar", entry)


@pytest.mark.parametrize(
    ("address", "file"),
    [("artiklar/x/", "artiklar/x/index.html"), ("404.html", "404.html"), ("", "index.html")],
)
def test_an_address_is_answered_by_its_file(address, file):
    assert saved_as(address) == file


def test_an_old_address_may_be_one_or_a_list_and_only_addresses_count():
    assert old_addresses("artiklar/gammal/") == ["artiklar/gammal/"]
    assert old_addresses(["a/", "https://x.se/b/", 3, "c.html"]) == ["a/", "c.html"]
    assert old_addresses(None) == []


def test_published_contents_are_every_list_but_the_drafts():
    context = {name: [name] for name in ("articles", "hidden_articles", "drafts")}
    context |= {name: [name] for name in ("pages", "hidden_pages", "draft_pages")}
    assert contents(context, PUBLISHED) == ["articles", "hidden_articles", "pages", "hidden_pages"]
    assert sorted(contents(context)) == sorted(context)
