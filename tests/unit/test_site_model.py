"""The site model alone (site_model/): a kind is one entry and everything Pelican, the menu
and the lists need follows from it; addresses and Pelican's content lists are written once.
No build: a failure names the function."""

import pytest

from conftest import SETTINGS
from site_model.addresses import old_addresses, saved_as
from site_model.contents import PUBLISHED, contents
from site_model.kinds import kind_from_entry
from site_model.settings import derive

CASES = {
    "folder": "kundcase",
    "url": "kundcase/{slug}/",
    "label": "Kundcase",
    "label_plural": "Kundcase",
    "template": "case",
    "list": {"url": "kundcase/", "template": "cases", "menu": 3},
    "fields": ["title", "summary", "order", "status"],
}


def with_kind(name, entry):
    return derive({**SETTINGS, "CONTENT_KINDS": {**SETTINGS["CONTENT_KINDS"], name: entry}})


def test_a_new_kind_with_a_list_gets_its_pages_its_list_and_its_menu_place():
    settings = with_kind("case", CASES)
    assert "kundcase" in settings["PAGE_PATHS"]
    assert settings["DIRECT_TEMPLATES"][-1] == "cases"
    assert (settings["CASES_URL"], settings["CASES_SAVE_AS"]) == (
        "kundcase/",
        "kundcase/index.html",
    )
    assert settings["LIST_PAGES"]["kundcase/index"].name == "case"
    # third in the menu, after the services (1) and the articles (2); MENU_LINKS last
    lists, links = SETTINGS["MENU"][:2], SETTINGS["MENU"][2:]
    assert settings["MENU"] == [*lists, ("Kundcase", "kundcase/"), *links]


def test_a_kind_without_a_list_is_in_no_list_and_no_menu():
    settings = with_kind("case", {k: v for k, v in CASES.items() if k != "list"})
    assert settings["DIRECT_TEMPLATES"] == SETTINGS["DIRECT_TEMPLATES"]
    assert settings["MENU"] == SETTINGS["MENU"]


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ({**CASES, "colour": "blue"}, "unknown colour"),
        ({k: v for k, v in CASES.items() if k != "template"}, "needs a 'template'"),
        ({k: v for k, v in CASES.items() if k != "label"}, "label missing"),
        ({**CASES, "list": {"url": "kundcase/", "template": "cases", "order": 1}}, "order"),
        ({**CASES, "list": {"url": "kundcase/"}}, r"\['list'\]: template missing"),
        ({**CASES, "list": {"url": "kundcase/", "template": "page"}}, "cannot be named page"),
        ({**CASES, "fields": "title"}, "must be a list of field names"),
    ],
)
def test_a_wrong_kind_entry_is_named_before_anything_is_built(entry, named):
    with pytest.raises(ValueError, match=named):
        kind_from_entry("case", entry)


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
