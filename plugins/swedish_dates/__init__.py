"""swedish_dates: a Jinja filter that writes dates in Swedish ("26 november 2026") with Babel.

The operating system's locale is never used: CI machines lack sv_SE, and Pelican's
own LOCALE setting would call setlocale().
"""

from babel.dates import format_date
from pelican import signals

DEFAULT_LOCALE = "sv_SE"


def add_filter(generator):
    locale = generator.settings.get("BABEL_LOCALE", DEFAULT_LOCALE)

    def swedish_date(value):
        return format_date(value, format="long", locale=locale)

    generator.env.filters["swedish_date"] = swedish_date


def register():
    signals.generator_init.connect(add_filter)
