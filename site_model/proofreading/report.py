"""How editors see the proofreading: a line per note in the terminal, the same notes as
GitHub warnings on their lines under GitHub Actions, and a table for the run's summary."""

import sys

from site_model.checks.annotations import on_github_actions, workflow_command

from . import MIN_WORDS

# GitHub shows 10 warning annotations per step and drops the rest (actions/toolkit,
# docs/problem-matchers.md, "Limitations"): the editor's slips go first, a page's LIX last.
ANNOTATIONS_PER_STEP = 10


def print_notes(result, stream=None):
    """Print the notes (a Proofreading) to stderr, and as `::warning` commands on stdout
    under GitHub Actions; never raises, never logs (the builds stop on logged warnings)."""
    stream = stream or sys.stderr
    for note in result.notes:
        print(note, file=stream)
    print(tally(result), file=stream)
    if on_github_actions():
        print_annotations(sorted(result.notes, key=lambda note: note.title == "Läsbarhet"))


def print_annotations(notes):
    for note in notes[:ANNOTATIONS_PER_STEP]:
        print(
            workflow_command(
                note.message, level="warning", file=note.path, line=note.line, title=note.title
            )
        )
    if len(notes) > ANNOTATIONS_PER_STEP:
        rest = len(notes) - ANNOTATIONS_PER_STEP
        plural = "" if rest == 1 else "ar"
        message = (
            f"Ytterligare {rest} varning{plural} står i stegets logg (GitHub visar 10 per steg)"
        )
        print(workflow_command(message, level="notice", title="Språkgranskning"))


def tally(result):
    """One line: what the proofreading found, and that it stops nothing."""
    spelling = sum(note.title != "Läsbarhet" for note in result.notes)
    hard = len(result.notes) - spelling
    found = []
    if spelling:
        found.append(f"{spelling} ord att se över")
    if hard:
        found.append(f"{hard} {'sida' if hard == 1 else 'sidor'} med svår text")
    said = ", ".join(found) if found else "inget att anmärka"
    said += " (bara varningar – bygget fortsätter)."
    if result.unavailable:
        said += f" Stavningen kontrollerades inte: {result.unavailable}."
    return f"språkgranskning: {said}"


def summary_table(result):
    """The run summary's table (GitHub Markdown): each page's words, LIX and spelling notes."""
    lines = [
        "### Språkgranskning",
        "",
        "| Sida | Ord | LIX | Nivå | Stavning? | Längsta meningen |",
        "| --- | ---: | ---: | --- | ---: | --- |",
    ]
    for page in result.pages:
        if not page.longest:
            lines.append(f"| `{page.path}` | 0 | – | – | {page.flagged} | – |")
            continue
        level = page.band if page.words >= MIN_WORDS else "för kort för LIX"
        longest = page.longest[0]
        lines.append(
            f"| `{page.path}` | {page.words} | {page.lix} | {level} | {page.flagged} "
            f"| rad {longest.line}, {longest.words} ord |"
        )
    if result.unavailable:
        lines += ["", f"Stavningen kontrollerades inte: {result.unavailable}."]
    return "\n".join(lines)
