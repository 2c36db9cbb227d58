"""Checks on one front-matter value: each returns what is wrong, or None."""

import datetime


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


def whole_number(value):
    if isinstance(value, bool) or not isinstance(value, int):
        return "ska vara ett heltal — t.ex. 'order: 3'"


def list_of_text(value):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return "ska vara en lista — skriv en punkt per rad, som börjar med '- '"


def status(value):
    if value not in ("published", "draft", "hidden"):
        return "har ett okänt värde — använd published, draft eller hidden"
