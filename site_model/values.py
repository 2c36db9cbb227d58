"""Checks on one front-matter value: each returns what is wrong, or None."""

import datetime
import re

# ICF's credentials are from 1995 on, others may be older; before 1950 is surely a slip.
EARLIEST_CREDENTIAL = 1950
# A profile, as LinkedIn's "copy link" gives it (with its ?utm_… tail, if any).
LINKEDIN = re.compile(r"https://([a-z]{2,3}\.)?linkedin\.com/in/[^/\s?#]+/?(\?\S*)?")


def text(value):
    if not isinstance(value, str) or not value.strip():
        return "ska vara text — skriv den efter kolonet"


def any_text(value):
    # The start page's url is "": any text, even empty.
    if not isinstance(value, str):
        return "ska vara text — sätt citattecken runt den"


def date(value):
    # Pelican would guess at "26 november"; only an unambiguous ISO date is accepted.
    if isinstance(value, datetime.date):
        return None
    try:
        datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return "är inget datum — skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-11-26"


def past_date(value):
    # A consent given tomorrow has not been given.
    if message := date(value):
        return message
    given = value if isinstance(value, datetime.date) else datetime.datetime.fromisoformat(value)
    if isinstance(given, datetime.datetime):
        given = given.date()
    if given > datetime.date.today():
        return f"{given.isoformat()} har inte kommit än — skriv det datum då det skedde"


def whole_number(value):
    if isinstance(value, bool) or not isinstance(value, int):
        return "ska vara ett heltal — t.ex. 'order: 3'"


def list_of_text(value):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return "ska vara en lista — skriv en punkt per rad, som börjar med '- '"


def credentials(value):
    # A list of {name, year}: "ICF PCC" and the year it was given (optional for others).
    shape = (
        "ska vara en lista med 'name:' och 'year:' för varje — skriv '- name: ICF PCC' "
        "och på raden under '  year: 2019' (året kan utelämnas)"
    )
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return shape
    this_year = datetime.date.today().year
    for item in value:
        if set(item) - {"name", "year"} or text(item.get("name")):
            return shape
        year = item.get("year")
        if year is None:
            continue
        if isinstance(year, str) and year.strip().isdigit():
            return f"har året '{year}' för {item['name']} inom citattecken — ta bort dem"
        if isinstance(year, bool) or not isinstance(year, int):
            return f"har året '{year}' för {item['name']} — skriv året med fyra siffror"
        if not EARLIEST_CREDENTIAL <= year <= this_year:
            when = "inte har kommit än" if year > this_year else "inte kan stämma"
            return (
                f"har året {year} för {item['name']}, som {when} — skriv året då "
                f"certifieringen gavs ({EARLIEST_CREDENTIAL}–{this_year})"
            )


def linkedin(value):
    if not isinstance(value, str) or not LINKEDIN.fullmatch(value.strip()):
        return (
            "är ingen LinkedIn-profil — kopiera adressen från profilen, "
            "t.ex. https://www.linkedin.com/in/namn/"
        )


def status(value):
    if value not in ("published", "draft", "hidden"):
        return "har ett okänt värde — använd published, draft eller hidden"
