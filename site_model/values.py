"""Checks on one front-matter value: each returns what is wrong, or None."""

import datetime


def text(value):
    if not isinstance(value, str) or not value.strip():
        return "must be text — write it after the colon"


def any_text(value):
    # The start page's url is "": any text, even empty.
    if not isinstance(value, str):
        return "must be text — put it in quotes"


def date(value):
    # Pelican would guess at "26 november"; only an unambiguous ISO date is accepted.
    if isinstance(value, datetime.date):
        return None
    try:
        datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return "is not a date — write it as YYYY-MM-DD, e.g. 2026-11-26"


def whole_number(value):
    if isinstance(value, bool) or not isinstance(value, int):
        return "must be a whole number — e.g. 'order: 3'"


def list_of_text(value):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return "must be a list — one '- item' per line"


def status(value):
    if value not in ("published", "draft", "hidden"):
        return "is unknown — use published, draft or hidden"
