"""proofreading: every build shows the Swedish spelling and readability notes of the
content (site_model/proofreading) in the terminal, and on GitHub on their lines. Notes
only point: they are printed, not logged, as the builds stop on any logged warning."""

from pelican import signals

from site_model.proofreading import proofread
from site_model.proofreading.report import print_notes


def show_notes(pelican):
    print_notes(proofread(pelican.settings))


def register():
    signals.initialized.connect(show_notes)
