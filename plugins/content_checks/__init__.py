"""content_checks: every content mistake stops the build with path:line and how to fix it.

The checks themselves are the site model's (site_model/checks), so `invoke check-content`
and the tests run exactly these; this plugin runs them before Pelican reads anything, and
a build with any problem writes nothing. (Links written as addresses are checked once the
pages are written: plugins/written_links.)
"""

from pelican import signals

from site_model.checks import ContentProblems, check_content, report


def stop_on_problems(pelican):
    if problems := check_content(pelican.settings):
        report(problems, "inget byggdes.")
        raise ContentProblems(problems)


def register():
    signals.initialized.connect(stop_on_problems)
