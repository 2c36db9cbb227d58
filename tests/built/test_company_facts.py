"""The firm's facts the law asks a website to show (COMPANY_FACTS, site_model/company.py):
the footer shows the known ones on every page, a production build lists the ones EPM has
not confirmed, and once EPM has launched (LAUNCHED) such a fact stops the build."""

import json

import pytest

from conftest import FIXTURE_CONTENT, PRODUCTION_ENV, SETTINGS, Site, build
from site_model.company import unconfirmed

ALL_CONFIRMED = {
    "legal_name": ("Företagsnamn", "Enterprise Performance Management AB"),
    "legal_form": ("Bolagsform", "aktiebolag"),
    "organisation_number": ("Organisationsnummer", "556000-0000"),
    "seat": ("Säte", "Stockholm"),
    "address": ("Adress", "Exempelgatan 1, 111 22 Stockholm"),
    "email": ("E-post", "kontakt@epm.se"),
    "phone": ("Telefon", "08-123 456 78"),
}


def footer_text(site, path):
    return " ".join(site.page(path).select_one("footer address").get_text(" ").split())


def organisation(site, path):
    script = site.page(path).find("script", type="application/ld+json")
    return next(n for n in json.loads(script.string)["@graph"] if n["@type"] == "Organization")


def test_every_page_shows_the_known_facts_and_invents_none(fixture_production):
    company = SETTINGS["COMPANY"]  # today: the name from the original page, the e-mail
    expected = f"{company['legal_name']} E-post: {company['email']}"
    for path in fixture_production.paths():
        assert footer_text(fixture_production, path) == expected, path
    firm = organisation(fixture_production, "/")
    assert "taxID" not in firm and "address" not in firm and "telephone" not in firm


def test_with_no_fact_known_the_footer_still_reads_whole(tmp_path):
    unknown = {name: {**fact, "value": None} for name, fact in SETTINGS["COMPANY_FACTS"].items()}
    result = build("pelican.conf.py", tmp_path, FIXTURE_CONTENT, {"COMPANY_FACTS": unknown})
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path, FIXTURE_CONTENT)
    assert footer_text(site, "/") == SETTINGS["SITENAME"]  # no empty line, no empty mailto
    assert site.page("/").select_one("footer address a") is None


def test_a_production_build_lists_each_fact_to_confirm_on_its_line(tmp_path):
    result = build(
        "publishconf.py", tmp_path, FIXTURE_CONTENT, GITHUB_ACTIONS="true", **PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stderr
    missing = unconfirmed(SETTINGS)
    assert len(missing) == 7  # all but the phone number, which the law does not ask for
    for line, message in missing:
        assert f"pelican.conf.py:{line}: {message}" in result.stderr.splitlines()
        command = f"::warning file=pelican.conf.py,line={line},title=Företagsuppgift::"
        assert command in result.stdout
    assert "company_facts: 7 uppgifter att bekräfta före lanseringen" in result.stderr


def test_once_launched_an_unconfirmed_fact_stops_the_build_naming_it(tmp_path):
    output = tmp_path / "output"
    result = build("publishconf.py", output, FIXTURE_CONTENT, {"LAUNCHED": True}, **PRODUCTION_ENV)
    assert result.returncode == 1
    for line, message in unconfirmed(SETTINGS):
        assert f"pelican.conf.py:{line}: {message}" in result.stderr
    assert "inget byggdes" in result.stderr
    assert not output.exists()


@pytest.fixture(scope="module")
def confirmed_site(tmp_path_factory):
    facts = {
        name: {"label": label, "value": value, "confirmed": True}
        for name, (label, value) in ALL_CONFIRMED.items()
    }
    output = tmp_path_factory.mktemp("confirmed")
    overrides = {"COMPANY_FACTS": facts, "LAUNCHED": True}
    result = build("publishconf.py", output, FIXTURE_CONTENT, overrides, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "company_facts" not in result.stderr
    return Site(output, FIXTURE_CONTENT, PRODUCTION_ENV["SITEURL"])


def test_with_every_fact_confirmed_the_launched_site_shows_them_all(confirmed_site):
    assert footer_text(confirmed_site, "/kontakt/") == (
        "Enterprise Performance Management AB, aktiebolag "
        "Organisationsnummer 556000-0000 Säte: Stockholm Exempelgatan 1, 111 22 Stockholm "
        "E-post: kontakt@epm.se Telefon: 08-123 456 78"
    )
    phone = confirmed_site.page("/").select_one("footer address a[href^='tel:']")
    assert phone["href"] == "tel:08-12345678"
    firm = organisation(confirmed_site, "/")
    assert (firm["legalName"], firm["taxID"], firm["telephone"]) == (
        "Enterprise Performance Management AB",
        "556000-0000",
        "08-123 456 78",
    )
    assert firm["address"] == "Exempelgatan 1, 111 22 Stockholm"
