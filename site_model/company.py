"""The firm's own facts, as the law asks its website to show them: COMPANY_FACTS in
pelican.conf.py, each with whether EPM has confirmed it.

- E-handelslagen (SFS 2002:562) asks a firm's website, a marketing site too, for its
  name, geographic address, e-mail and organisation number where it has one, easy to
  find and always available (the footer shows them on every page).
- An aktiebolag's website must also show the company name, its säte (the town where the
  board has its seat) and its organisation number (Bolagsverket).

A fact nobody has confirmed is never silent: every production build lists it (plugins/
company_facts), and once EPM launches (LAUNCHED = True) it stops the production build.
A fact whose value is None is not known yet: nothing is shown for it, nothing invented.
"""

import re
from dataclasses import dataclass
from pathlib import Path

SETTING = "COMPANY_FACTS"
SETTINGS_FILE = Path(__file__).resolve().parents[1] / "pelican.conf.py"  # where they are
KEYS = {"label", "value", "confirmed", "required"}


@dataclass(frozen=True)
class Fact:
    name: str  # legal_name, organisation_number, …
    label: str  # Swedish, as the footer and the messages say it
    value: str | None  # None: not known yet
    confirmed: bool  # EPM has said the value is right
    required: bool = True  # the law asks for it (a phone number it does not)

    @property
    def missing(self) -> bool:
        """The law asks for it and it is unknown or unconfirmed."""
        return self.required and (self.value is None or not self.confirmed)


def company_facts(settings: dict) -> list[Fact]:
    """Every fact of COMPANY_FACTS, in its order; ValueError names an unknown key."""
    facts = []
    for name, entry in settings[SETTING].items():
        if unknown := set(entry) - KEYS:
            raise ValueError(f"{SETTING}['{name}']: unknown {', '.join(sorted(unknown))}")
        facts.append(
            Fact(
                name,
                entry["label"],
                entry["value"],
                entry["confirmed"],
                entry.get("required", True),
            )
        )
    return facts


def known(settings: dict) -> dict[str, str]:
    """{name: value} of the facts that have a value, for the templates and JSON-LD."""
    return {fact.name: fact.value for fact in company_facts(settings) if fact.value is not None}


def line_in(settings_file: str | Path, name: str) -> int:
    """The line of a fact's entry in the settings file (1 if it is not found there)."""
    pattern = re.compile(rf"""^\s*["']{re.escape(name)}["']\s*:""")
    lines = Path(settings_file).read_text("utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 1)


def unconfirmed(settings: dict) -> list[tuple[int, str]]:
    """(line in pelican.conf.py, Swedish message) for each fact the law asks for that is
    unknown or unconfirmed, in COMPANY_FACTS' order."""
    return [
        (line_in(SETTINGS_FILE, fact.name), what_is_missing(fact))
        for fact in company_facts(settings)
        if fact.missing
    ]


def what_is_missing(fact: Fact) -> str:
    """The Swedish line for a fact the law asks for and EPM has not confirmed."""
    if fact.value is None:
        return f"{fact.label} saknas — skriv in uppgiften från EPM och sätt 'confirmed': True"
    return (
        f"{fact.label} ”{fact.value}” är inte bekräftad av EPM — "
        "fråga EPM och sätt 'confirmed': True"
    )
