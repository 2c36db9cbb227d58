"""The privacy notice (/integritet/) tells a reader what GDPR article 13 requires, and the
parts that depend on settings (the processors, the contact address) follow the settings."""

import re

import pytest

from conftest import SETTINGS, build, parse
from site_copy import write_site

NOTICE = "/integritet/"  # in the test's copy of the fixture site
# A notice of our own in that copy, so the test owns every word it asserts.
TINY_NOTICE = """\
---
title: Personuppgifter
url: integritet/
save_as: integritet/index.html
template: privacy
modified: 2026-03-05
summary: Så behandlar vi dina uppgifter.
---

## Vilka uppgifter?

Namn och e-postadress.
"""
EU_PROCESSOR = {
    "role": "Formulärtjänst",
    "name": "Exempelformulär Oy",
    "country": "Finland",
    "purpose": "Tar emot formuläret.",
    "outside_eu_eea": False,
    "transfer_basis": "",
    "transfer_basis_confirmed": True,
}
US_PROCESSOR = {
    "role": "Webbhotell",
    "name": "Exempelvärd Inc.",
    "country": "USA",
    "purpose": "Visar sidorna.",
    "outside_eu_eea": True,
    "transfer_basis": "EU-kommissionens standardavtalsklausuler",
    "transfer_basis_confirmed": False,
}


def notice_of(content, output, **overrides):
    result = build("pelican.conf.py", output, content, overrides)
    assert result.returncode == 0, result.stdout + result.stderr
    return parse(output, NOTICE).main


def text(element):
    return " ".join(element.get_text(" ").split())


def site_with_notice(tmp_path, notice=TINY_NOTICE):
    """The fixture site with a notice of the test's own."""
    content = write_site(tmp_path, {})
    (content / "pages" / "integritet.md").write_text(notice, "utf-8")
    return content


@pytest.fixture(scope="module")
def real_notice(real_site):
    """The real notice, wherever its file puts it: the form links to it."""
    return real_site.page(real_site.page("/").select_one(".form-privacy a")["href"]).main


def test_notice_names_each_processor_and_where_it_processes_data(real_notice):
    page = text(real_notice)
    for processor in SETTINGS["PRIVACY_PROCESSORS"]:
        assert processor["name"] in page
        if processor["outside_eu_eea"]:
            transfer = f"{processor['name']} kan behandla uppgifterna i {processor['country']}"
            assert f"{transfer}, alltså utanför EU/EES" in page
            assert processor["transfer_basis"] in page


def test_notice_covers_the_rest_of_article_13(real_notice):
    page = text(real_notice).lower()
    assert "frivillig" in page, "13.2 e: say that giving the data is voluntary"
    assert "automatiserad" in page and "profilering" in page, "13.2 f: automated decisions"
    assert "integritetsskyddsmyndigheten" in page and "imy.se" in page, "13.2 d: complaint"
    headings = [text(h).lower() for h in real_notice.find_all(["h2", "h3"])]
    assert any("invända" in heading for heading in headings), "art. 21.4: objection on its own"


def test_notice_prints_the_contact_address_from_settings(real_notice):
    email = SETTINGS["CONTACT_EMAIL"]
    link = real_notice.find("a", href=f"mailto:{email}")
    assert link is not None and text(link) == email


def test_notice_says_when_it_was_last_updated(tmp_path):
    notice = notice_of(site_with_notice(tmp_path), tmp_path / "out")
    updated = notice.find(string=re.compile("Senast uppdaterad")).parent
    assert updated.time["datetime"] == "2026-03-05"
    assert text(updated) == "Senast uppdaterad 5 mars 2026"


def test_changing_the_processor_setting_changes_the_notice(tmp_path):
    notice = notice_of(
        site_with_notice(tmp_path),
        tmp_path / "out",
        PRIVACY_PROCESSORS=[EU_PROCESSOR],
        CONTACT_EMAIL="dataskydd@exempel.se",
    )
    page = text(notice)
    assert "Formulärtjänst: Exempelformulär Oy, Finland." in page
    assert "Uppgifterna behandlas bara inom EU/EES." in page
    assert "utanför EU/EES" not in page.replace("Överföring utanför EU/EES", "")
    for processor in SETTINGS["PRIVACY_PROCESSORS"]:
        assert processor["name"] not in page
    assert notice.find("a", href="mailto:dataskydd@exempel.se") is not None


def test_the_notice_names_the_legal_entity_as_far_as_it_is_known(tmp_path, real_notice):
    """GDPR art. 13.1 a: the controller's identity, from COMPANY_FACTS (the footer's)."""
    facts = {
        "legal_name": {"label": "Företagsnamn", "value": "Exempel AB", "confirmed": True},
        "organisation_number": {"label": "Org.nr", "value": "556000-0000", "confirmed": True},
        "address": {"label": "Adress", "value": "Gatan 1, Ort", "confirmed": True},
    }
    named = text(notice_of(site_with_notice(tmp_path), tmp_path / "out", COMPANY_FACTS=facts))
    assert (
        "Exempel AB (organisationsnummer 556000-0000), Gatan 1, Ort, är personuppgiftsansvarig."
        in named
    )
    today = text(real_notice)  # the session's build of the real content: no second build
    assert f"{SETTINGS['COMPANY']['legal_name']} är personuppgiftsansvarig." in today


@pytest.mark.parametrize("confirmed", [False, True])
def test_an_unconfirmed_transfer_basis_is_marked(tmp_path, confirmed):
    processor = {**US_PROCESSOR, "transfer_basis_confirmed": confirmed}
    notice = notice_of(site_with_notice(tmp_path), tmp_path / "out", PRIVACY_PROCESSORS=[processor])
    page = text(notice)
    assert "Exempelvärd Inc. kan behandla uppgifterna i USA, alltså utanför EU/EES." in (
        page.replace(" (att bekräfta)", "")
    )
    assert "med stöd av EU-kommissionens standardavtalsklausuler" in page
    assert ("(att bekräfta)" in page) is not confirmed


def test_a_last_updated_date_that_is_not_a_date_stops_the_build(tmp_path):
    content = site_with_notice(tmp_path, TINY_NOTICE.replace("2026-03-05", "5 mars"))
    result = build("pelican.conf.py", tmp_path / "out", content)
    assert result.returncode != 0
    assert re.search(r"integritet\.md:6: 'modified' är inget datum", result.stdout + result.stderr)
