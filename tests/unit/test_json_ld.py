"""The JSON-LD builders of plugins/structured_data, each alone, on hand-made contexts (no build,
no browser): the firm as an Organization from the settings; an article's plain-text
headline, author, dates and publisher; a service's provider and area; which nodes each kind of
page gets in its @graph; and a title holding </script> staying inside the script element.
(The breadcrumb trail itself is in tests/unit/test_plugin_functions.py.)
"""

import json
import re
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from jinja2 import Environment
from markupsafe import Markup, escape
from pelican.settings import get_settings_from_file
from pelican.urlwrappers import Author

from conftest import ROOT
from plugins.structured_data import add_function, json_ld, organisation, page_node

SETTINGS = get_settings_from_file(str(ROOT / "pelican.conf.py"))
ORIGIN = "https://www.epm.example"
CONTEXT = {**SETTINGS, "SITE_ORIGIN": ORIGIN}
PUBLISHED = datetime(2025, 3, 14, 9, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
EDITED = datetime(2025, 6, 2, 16, 5, tzinfo=ZoneInfo("Europe/Stockholm"))


def article(**changes):
    fields = {
        "title": Markup("Ledarskap &amp; <em>förändring</em>"),
        "summary": escape("Om chefer & team <i>i</i> kris"),  # as plugins/plain_text leaves it
        "author": Author("Therése M. Sandberg", SETTINGS),
        "date": PUBLISHED,
        "modified": EDITED,
    }
    return SimpleNamespace(**{**fields, **changes})


def page(template, title="Teamcoaching"):
    return SimpleNamespace(template=template, title=escape(title), summary=escape("Hela & lag"))


def graph(path, **content):
    return json.loads(json_ld({**CONTEXT, **content}, path))["@graph"]


def test_the_firm_is_one_organization_described_by_the_settings():
    firm = organisation(CONTEXT, ORIGIN)
    assert (firm["@type"], firm["@id"], firm["url"]) == (
        "Organization",
        "https://www.epm.example/#epm",
        "https://www.epm.example/",
    )
    assert (firm["name"], firm["alternateName"]) == (SETTINGS["SITENAME"], "EPM")
    assert firm["email"] == SETTINGS["CONTACT_EMAIL"]
    assert firm["image"] == f"{ORIGIN}/{SETTINGS['SHARE_IMAGE']}"
    assert firm["areaServed"] == {"@type": "Country", "name": "Sverige"}
    assert firm["knowsLanguage"] == "sv"


def test_the_firms_legal_facts_are_there_once_known_and_not_before():
    known = {"legal_name": "EPM Enterprise Performance Management AB", "address": "Gatan 1"}
    firm = organisation(
        {**CONTEXT, "COMPANY": {**known, "organisation_number": "556000-0000"}}, ORIGIN
    )
    assert (firm["legalName"], firm["taxID"], firm["address"]) == (
        "EPM Enterprise Performance Management AB",
        "556000-0000",
        "Gatan 1",
    )
    unknown = organisation({**CONTEXT, "COMPANY": {"email": "a@b.se"}}, ORIGIN)
    assert "legalName" not in unknown and "taxID" not in unknown and "telephone" not in unknown


def test_an_article_is_plain_text_with_its_author_dates_and_publisher():
    url = f"{ORIGIN}/artiklar/ledarskap/"
    node = page_node({**CONTEXT, "article": article()}, ORIGIN, url)
    assert node["@type"] == "Article"
    assert node["headline"] == "Ledarskap & förändring"
    assert node["description"] == "Om chefer & team <i>i</i> kris"  # as the editor typed it
    assert node["author"] == {"@type": "Person", "name": "Therése M. Sandberg"}
    assert node["datePublished"] == "2025-03-14T09:30:00+01:00"
    assert node["dateModified"] == "2025-06-02T16:05:00+02:00"
    assert node["publisher"] == {"@id": organisation(CONTEXT, ORIGIN)["@id"]}
    assert node["mainEntityOfPage"] == url


def test_an_article_never_edited_was_last_modified_when_published():
    never_edited = article()
    del never_edited.modified  # Pelican sets `modified` only when the front matter has it
    node = page_node({**CONTEXT, "article": never_edited}, ORIGIN, f"{ORIGIN}/artiklar/x/")
    assert node["dateModified"] == node["datePublished"] == "2025-03-14T09:30:00+01:00"


def test_a_service_names_its_provider_area_and_address():
    url = f"{ORIGIN}/tjanster/teamcoaching/"
    node = page_node({**CONTEXT, "page": page("service", "Team & ledning")}, ORIGIN, url)
    assert (node["@type"], node["name"], node["description"]) == (
        "Service",
        "Team & ledning",
        "Hela & lag",
    )
    assert node["provider"] == {"@id": f"{ORIGIN}/#epm"}
    assert node["areaServed"] == {"@type": "Country", "name": SETTINGS["AREA_SERVED"]}
    assert node["url"] == url


@pytest.mark.parametrize(
    ("path", "content", "after_the_firm"),
    [
        ("", {"page": page("start")}, []),
        ("404.html", {"page": page("404")}, []),
        ("integritet/", {"page": page("privacy")}, ["BreadcrumbList"]),
        ("kontakt/", {"page": page("contact")}, ["ContactPage", "BreadcrumbList"]),
        ("tjanster/x/", {"page": page("service")}, ["Service", "BreadcrumbList"]),
        ("artiklar/x/", {"article": article()}, ["Article", "BreadcrumbList"]),
    ],
)
def test_each_kind_of_page_gets_the_firm_and_only_the_nodes_it_has(path, content, after_the_firm):
    types = [node["@type"] for node in graph(path, **content)]
    assert types == ["Organization", *after_the_firm]


def test_the_contact_page_is_about_the_firm():
    contact = graph("kontakt/", page=page("contact", "Kontakta oss"))[1]
    assert contact == {
        "@type": "ContactPage",
        "name": "Kontakta oss",
        "url": f"{ORIGIN}/kontakt/",
        "about": {"@id": f"{ORIGIN}/#epm"},
    }


def test_a_title_holding_a_script_end_tag_stays_text_inside_the_script():
    env = Environment(autoescape=True)
    add_function(SimpleNamespace(env=env))  # as the plugin registers it with Pelican
    template = env.from_string(
        '<script type="application/ld+json">{{ json_ld(current_url) }}</script>'
    )
    title = "Slut på </script><b>&amp; början"
    html = template.render(CONTEXT, current_url="artiklar/x/", article=article(title=escape(title)))
    assert html.count("</script>") == 1 and html.endswith("</script>")
    body = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.S)[1]
    data = json.loads(body)  # not HTML-escaped a second time by autoescape
    assert data["@context"] == "https://schema.org"
    assert data["@graph"][1]["headline"] == title
