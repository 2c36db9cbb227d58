"""content_checks: every content mistake stops the build with path:line and how to fix it.

The checks themselves are the site model's (site_model/checks), so `invoke check-content`
and the tests run exactly these; this plugin runs them before Pelican reads anything, and
a build with any problem writes nothing. Links written as addresses are checked once the
pages are written (only then is every address known), and stop the build there.
"""

from pelican import signals

from site_model.checks import check_built_links, check_content, report


def stop_on_problems(pelican):
    if problems := check_content(pelican.settings):
        report(problems, "inget byggdes.")
        raise SystemExit(1)


def stop_on_broken_links(pelican):
    if problems := check_built_links(pelican.settings, pelican.output_path):
        report(problems, "bygget stoppades.")
        raise SystemExit(1)


def register():
    signals.initialized.connect(stop_on_problems)
    signals.finalized.connect(stop_on_broken_links)
