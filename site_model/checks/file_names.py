"""A link to a file that is not there: what the editor most likely meant.

Editors' files come from phones and cameras ("Foto från mobilen.JPG", "IMG_1234.JPG") and
their computers often ignore letter case, so a link that works in their preview can fail on
the web server. Our own code: Pelican only says that a link target is missing.
"""

import difflib
import os
from pathlib import PurePath

from site_model.addresses import file_slug


def exists_exactly(path):
    """Is there a file here, with its name in exactly these letters (macOS and Windows would
    also find 'Foto.JPG' for 'foto.jpg'; the web server does not)?"""
    folder, name = os.path.split(path)
    return os.path.isfile(path) and name in os.listdir(folder)


def missing_file_fix(path, settings):
    """How to fix a link to `path`, which is not there: the ' — …' part of the message."""
    folder, name = os.path.split(path)
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    if spaced := [other for other in names if other.startswith(name + " ")]:
        file = PurePath(spaced[0])
        better = file_slug(file.stem, settings) + file.suffix.lower()
        return (
            f" — filen '{file}' har mellanslag i namnet, och ett mellanslag avslutar en länk: "
            f"byt namn på filen till {better} och skriv det namnet här"
        )
    if same := [other for other in names if other.lower() == name.lower()]:
        return f" — filen heter '{same[0]}': skriv namnet med samma stora och små bokstäver"
    if close := difflib.get_close_matches(name, names, n=1):
        return f" — menade du '{close[0]}'?"
    return " — kontrollera sökvägen och filnamnet"
