"""Production settings: pelican.conf.py, plus what changes when the site goes live.

Loaded by path, never imported, so it works however Pelican is started.
SITEURL and CONTACT_FORM_ENDPOINT come from the environment and must be https.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from pelican.settings import get_settings_from_file

globals().update(get_settings_from_file(str(Path(__file__).with_name("pelican.conf.py"))))
from site_model.settings import derive  # noqa: E402 (pelican.conf.py put it on the path)

PRODUCTION = True


def _required_https(name, example):
    value = os.environ.get(name, "").strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        # One line, no traceback: this is a configuration mistake, not a bug.
        sys.exit(
            f"publishconf.py: {name} must be an https URL, e.g. {name}={example} "
            f"(got {value or 'nothing'})"
        )
    return value


SITEURL = _required_https("SITEURL", "https://www.epm.se")
CONTACT_FORM_ENDPOINT = _required_https("CONTACT_FORM_ENDPOINT", "https://formspree.io/f/abcdwxyz")

HTML_MIN = True

# Drafts are previewed locally and never published.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

derive(globals())  # last: what follows from the settings above
