"""company_facts: a production build lists every company fact EPM has not confirmed, and
once EPM has launched (LAUNCHED = True) such a fact stops the build.

The facts and the law behind them: site_model/company.py. Each line names the fact's line
in pelican.conf.py, as the content checks name a file's line, and under GitHub Actions is
also a workflow command on that line (a warning; an error once launched). Printed, not
logged: the builds treat Pelican's logged warnings as fatal, and a fact still to confirm
must not stop a build before the launch.
"""

import sys

from pelican import signals

from site_model.checks.annotations import on_github_actions, workflow_command
from site_model.company import SETTINGS_FILE, unconfirmed

TITLE = "Företagsuppgift"


def report_facts(pelican):
    settings = pelican.settings
    if not settings["PRODUCTION"] or not (missing := unconfirmed(settings)):
        return
    level = "error" if settings["LAUNCHED"] else "warning"
    for line, message in missing:
        print(f"{SETTINGS_FILE.name}:{line}: {message}", file=sys.stderr)
        if on_github_actions():
            print(workflow_command(message, level, SETTINGS_FILE.name, line, TITLE))
    count = f"{len(missing)} {'uppgift' if len(missing) == 1 else 'uppgifter'}"
    if settings["LAUNCHED"]:
        print(
            f"company_facts: {count} saknas och LAUNCHED är True; inget byggdes.", file=sys.stderr
        )
        raise SystemExit(1)
    print(f"company_facts: {count} att bekräfta före lanseringen (docs/launch.md)", file=sys.stderr)


def register():
    signals.initialized.connect(report_facts)
