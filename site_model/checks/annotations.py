"""Under GitHub Actions, each problem also as a workflow command, so that GitHub shows the
message on the file's line: in a pull request's "Files changed" and in the run's summary.

Escaping follows GitHub's rules for workflow commands: %, CR and LF in the message, and
also : and , in the properties (file, title).
"""

import os
from pathlib import PurePath

TITLE = "Innehållsfel"


def escape_data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text):
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(message, level="error", file=None, line=None, title=TITLE):
    """`::error file=…,line=…,title=…::message`; warnings with level="warning"."""
    properties = []
    if file is not None:
        properties.append(f"file={escape_property(PurePath(file).as_posix())}")
    if line is not None:
        properties.append(f"line={int(line)}")
    properties.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(properties)}::{escape_data(message)}"


def on_github_actions():
    return os.environ.get("GITHUB_ACTIONS") == "true"


def print_annotations(problems):
    """Print one workflow command per problem, on GitHub Actions only (stdout, where the
    runner reads commands)."""
    if on_github_actions():
        for problem in problems:
            print(workflow_command(problem.message, file=problem.path, line=problem.line))
