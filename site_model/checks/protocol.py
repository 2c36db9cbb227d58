"""The one shape of a content check: `check(site) -> Iterable[Problem]`, listed in CHECKS
(__init__.py). A check of one file at a time is written `check(source, site)` yielding
(line, message) and made a site check by @per_file, which names the file."""

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
