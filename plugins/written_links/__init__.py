"""written_links: a link written as an address (`[text](/tjanster/x/)`) must reach a page or
file of this build, checked once every page is written (site_model/checks/written_links.py)
and before minify; listed after every plugin that writes pages or files (site_search's
index is moved in at `finalized` too), since only then is every address known."""

from pelican import signals

from site_model.checks import ContentProblems, check_built_links, report


def stop_on_broken_links(pelican):
    if problems := check_built_links(pelican.settings, pelican.output_path):
        report(problems, "bygget stoppades.")
        raise ContentProblems(problems)


def register():
    signals.finalized.connect(stop_on_broken_links)
