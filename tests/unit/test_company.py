"""The firm's facts (site_model/company.py): which the law still misses, said in Swedish
with their line in pelican.conf.py, and what the templates and JSON-LD may show."""

import pytest

from conftest import ROOT, SETTINGS
from site_model.company import company_facts, known, line_in, unconfirmed
from tools.build_summary import facts_summary

CONFIRMED = {
    "legal_name": {"label": "Företagsnamn", "value": "EPM AB", "confirmed": True},
    "organisation_number": {
        "label": "Organisationsnummer",
        "value": "556000-0000",
        "confirmed": True,
    },
    "phone": {"label": "Telefon", "value": None, "confirmed": False, "required": False},
}


def with_facts(facts):
    return {**SETTINGS, "COMPANY_FACTS": facts}


def test_every_fact_the_law_asks_for_is_missing_until_known_and_confirmed():
    missing = [fact.name for fact in company_facts(SETTINGS) if fact.missing]
    # Today only the phone number, which the law does not ask for, is not missing.
    assert missing == [name for name in SETTINGS["COMPANY_FACTS"] if name != "phone"]
    assert unconfirmed(with_facts(CONFIRMED)) == []


def test_each_missing_fact_names_its_line_in_the_settings_and_what_to_do():
    lines = (ROOT / "pelican.conf.py").read_text("utf-8").splitlines()
    for line, message in unconfirmed(SETTINGS):
        assert "— " in message and "'confirmed': True" in message
        name = next(n for n in SETTINGS["COMPANY_FACTS"] if f'"{n}"' in lines[line - 1])
        assert SETTINGS["COMPANY_FACTS"][name]["label"] in message
    assert line_in(ROOT / "pelican.conf.py", "no_such_fact") == 1


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (None, "Organisationsnummer saknas"),
        ("556000-0000", "Organisationsnummer ”556000-0000” är inte bekräftad"),
    ],
)
def test_an_unknown_fact_and_an_unconfirmed_one_read_differently(value, says):
    fact = {"label": "Organisationsnummer", "value": value, "confirmed": False}
    [(_, message)] = unconfirmed(with_facts({"organisation_number": fact}))
    assert message.startswith(says)


def test_only_facts_with_a_value_are_shown():
    facts = SETTINGS["COMPANY_FACTS"]
    assert known(SETTINGS) == {
        "legal_name": SETTINGS["SITE_FULLNAME"],
        "email": "kontakt@epm.se",
        "case_verification": facts["case_verification"]["value"],
    }
    assert known(with_facts(CONFIRMED)) == {
        "legal_name": "EPM AB",
        "organisation_number": "556000-0000",
    }


def test_a_wrong_key_in_a_fact_is_named():
    with pytest.raises(ValueError, match="COMPANY_FACTS\\['seat'\\]: unknown town"):
        company_facts(
            with_facts({"seat": {"label": "Säte", "value": None, "confirmed": False, "town": "x"}})
        )


def test_the_run_summary_lists_the_facts_to_confirm_and_nothing_once_all_are():
    summary = facts_summary(SETTINGS)
    assert summary.startswith("### Företagsuppgifter att bekräfta före lanseringen\n")
    assert "- Organisationsnummer saknas (`pelican.conf.py:" in summary
    assert len(summary.splitlines()) == 1 + len(unconfirmed(SETTINGS))
    assert facts_summary(with_facts(CONFIRMED)) == ""
