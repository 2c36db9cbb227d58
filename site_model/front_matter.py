"""What a front-matter value means, as a CMS writes it: read by the reader and the checks."""

# A CMS cannot delete a line: a cleared field is saved as null, "" or []. These stay
# values even when empty: a title or summary is text the page shows (the checks refuse an
# empty one outside drafts, and Pelican would otherwise make a summary of the whole text),
# and "" is the start page's address.
EMPTY_IS_A_VALUE = {"title", "summary", "url", "save_as"}


def is_unset(name: str, value: object) -> bool:
    """True when the field `name` holding `value` means "not set", as if its line were gone."""
    return value is None or (value in ("", []) and name not in EMPTY_IS_A_VALUE)
