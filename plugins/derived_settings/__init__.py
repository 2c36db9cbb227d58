"""derived_settings: the settings that follow from others are derived again when Pelican
starts, after `pelican -e` overrides (a SITEURL given on the command line must reach every
absolute address). The derivation is site_model/settings.py's, which both settings files
end with; listed first in PLUGINS, so every other plugin sees its result.
"""

from pelican import signals

from site_model.settings import derive


def derive_for(pelican):
    derive(pelican.settings)


def register():
    signals.initialized.connect(derive_for)
