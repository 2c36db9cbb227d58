"""The one shape of a content check: `check(site) -> Iterable[Problem]`, listed in CHECKS
(__init__.py). A check of one file at a time is written `check(source, site)` yielding
(line, message) and made a site check by @per_file, which names the file; one that reads
nothing but the file, by @per_file_version, which also keeps its findings per version."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path

from .source import Problem, Source


@dataclass(frozen=True)
class Site:
    """What every check sees."""

    settings: dict  # Pelican's settings
    content_root: Path
    sources: list[Source]  # every content file that could be read, in file order
    templates: set[str]  # the theme's page templates, by name
    shown: Callable[[Path], str]  # a path as the editor's terminal shows it


def per_file(check):
    """check(source, site) → (line, message)… as check(site) → Problem…"""

    @wraps(check)
    def each_file(site):
        for source in site.sources:
            for line, message in check(source, site):
                yield Problem(source.shown_as, line, message)

    return each_file


KEPT_VERSIONS = 4096  # about ten times the files of a site of 300 articles


def per_file_version(check):
    """@per_file for a check that reads nothing of `site`: what it finds in one version of
    a file (one Source: read_source's are shared while a file is unchanged) is kept, so
    that a live-reload save checks only the saved file (check_markup took 0.1 s of every
    save at 300 articles)."""
    kept = {}  # id(source): (source, findings); the source kept too, so the id stays its

    @wraps(check)
    def of_version(source, site):
        found = kept.get(id(source))
        if found is None or found[0] is not source:
            if len(kept) >= KEPT_VERSIONS:
                kept.clear()
            found = kept[id(source)] = source, list(check(source, site))
        return found[1]

    return per_file(of_version)
