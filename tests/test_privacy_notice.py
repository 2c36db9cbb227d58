"""The privacy notice (/integritet/) tells a reader what GDPR article 13 requires, and the
parts that depend on settings (the processors, the contact address) follow the settings."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.settings import get_settings_from_file

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = get_settings_from_file(str(ROOT / "pelican.conf.py"))
NOTICE = "integritet/index.html"
# A notice of our own for the tiny site, so the test owns every word it asserts.
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


def build(content, output, **overrides):
    """Pelican as CI runs it, with settings overridden the way `pelican -e` takes them."""
    arguments = ["-s", "pelican.conf.py", "-o", str(output), "--fatal", "warnings", str(content)]
    if overrides:
        arguments += ["-e", *(f"{name}={json.dumps(value)}" for name, value in overrides.items())]
    return subprocess.run(
        [sys.executable, "-m", "pelican", *arguments],
        cwd=ROOT,
        env={**os.environ, "PYTHONUTF8": "1", "COLUMNS": "200"},
        capture_output=True,
        text=True,
    )


def notice_of(content, output, **overrides):
    result = build(content, output, **overrides)
    assert result.returncode == 0, result.stdout + result.stderr
    return BeautifulSoup((output / NOTICE).read_text("utf-8"), "html5lib").main


def text(element):
    return " ".join(element.get_text(" ").split())


def tiny_site(tmp_path, notice=TINY_NOTICE):
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "integritet.md").write_text(notice, "utf-8")
    return tmp_path / "content"


@pytest.fixture(scope="module")
def real_notice(tmp_path_factory):
    return notice_of(ROOT / "content", tmp_path_factory.mktemp("site"))


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
    notice = notice_of(tiny_site(tmp_path), tmp_path / "out")
    updated = notice.find(string=re.compile("Senast uppdaterad")).parent
    assert updated.time["datetime"] == "2026-03-05"
    assert text(updated) == "Senast uppdaterad 5 mars 2026"


def test_changing_the_processor_setting_changes_the_notice(tmp_path):
    notice = notice_of(
        tiny_site(tmp_path),
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


@pytest.mark.parametrize("confirmed", [False, True])
def test_an_unconfirmed_transfer_basis_is_marked(tmp_path, confirmed):
    processor = {**US_PROCESSOR, "transfer_basis_confirmed": confirmed}
    notice = notice_of(tiny_site(tmp_path), tmp_path / "out", PRIVACY_PROCESSORS=[processor])
    page = text(notice)
    assert "Exempelvärd Inc. kan behandla uppgifterna i USA, alltså utanför EU/EES." in (
        page.replace(" (att bekräfta)", "")
    )
    assert "med stöd av EU-kommissionens standardavtalsklausuler" in page
    assert ("(att bekräfta)" in page) is not confirmed


def test_a_last_updated_date_that_is_not_a_date_stops_the_build(tmp_path):
    content = tiny_site(tmp_path, TINY_NOTICE.replace("2026-03-05", "5 mars"))
    result = build(content, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(r"integritet\.md:6: 'modified' is not a date", result.stdout + result.stderr)
