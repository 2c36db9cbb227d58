"""The content checks: every mistake in content/ as `path:line: what is wrong — how to fix it`.

Pelican itself logs and skips a file with bad metadata and exits 0, so a page can
silently vanish. These checks read every Markdown file as the build will, and report all
problems together. plugins/content_checks runs them before Pelican reads anything and
stops the build on any; `invoke check-content` runs the same function.
"""

import os
import sys
from functools import cache, lru_cache
from pathlib import Path

from site_model.kinds import content_kinds

from .addresses import check_gone_file, check_old_addresses
from .annotations import print_annotations
from .body import check_body
from .fields import check_fields
from .images import check_images, check_photo, check_static_svgs
from .markup import check_markup
from .protocol import Site
from .site import (
    check_address_clashes,
    check_authors,
    check_links,
    check_named_pages,
    check_same_slugs,
    check_site_pages,
    check_url_and_save_as,
)
from .source import read_source
from .written_links import check_written_links

NOT_PAGE_TEMPLATES = {"base"}
# Every check: check(site) → Problems (protocol.py). A new check is a function and a line.
CHECKS = [
    check_fields,
    check_body,
    check_markup,
    check_images,
    check_photo,
    check_url_and_save_as,
    check_address_clashes,
    check_links,
    check_named_pages,
    check_same_slugs,
    check_authors,
    check_site_pages,
    check_old_addresses,
    check_gone_file,
    check_static_svgs,
]


def content_files(content_root, settings):
    for kind in content_kinds(settings).values():
        for path in sorted((content_root / kind.folder).rglob("*.md")):
            yield path, kind.name


def known_templates(settings):
    templates = Path(settings["THEME"]) / "templates"
    return {path.stem for path in templates.glob("*.html")} - NOT_PAGE_TEMPLATES


def read_site(settings):
    """(Site, problems of the files that cannot be read as content). Read once per settings
    object, that is once a build: the content checks and the written links' (at the build's
    end) share it. A caller that changes the files reads them again with new settings."""
    if LAST_READ and LAST_READ[0] is settings:
        return LAST_READ[1]
    LAST_READ[:] = [settings, _read_site(settings)]
    return LAST_READ[1]


LAST_READ = []  # [settings, (Site, problems)] of the last build: kept, so never another's


def _read_site(settings):
    content_root = Path(settings["PATH"])
    problems, sources = [], []
    for path, kind in content_files(content_root, settings):
        stat = path.stat()
        version = (str(path), stat.st_mtime_ns, stat.st_size)
        source, read_problems = _read_version(*version, kind, os.getcwd())
        problems += read_problems
        sources += [source] if source is not None else []
    return Site(settings, content_root, sources, known_templates(settings), shown_path), problems


@lru_cache(maxsize=4096)
def _read_version(path, mtime_ns, size, kind, folder):
    """read_source of one version of a file, as shown from the working `folder` (live reload
    reads every file at each save, and all but the saved one are as they were). The Source
    is shared: never change it."""
    return read_source(Path(path), _shown_from(path, folder), kind)


def check_content(settings):
    """All problems in the content folder, in file order."""
    site, unreadable = read_site(settings)
    return in_file_order([*unreadable, *(problem for check in CHECKS for problem in check(site))])


def check_built_links(settings, output):
    """The problems of the links written as addresses (written_links.py), once `output`
    holds the build."""
    site, _ = read_site(settings)
    return in_file_order(check_written_links(site, output, settings["SITEURL"]))


def in_file_order(problems):
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.message))


def shown_path(path):
    """The path as the editor's terminal would show it, relative when possible."""
    return _shown_from(str(path), os.getcwd())


@cache
def _shown_from(path, folder):  # resolve() stats every part of both: 0.1 s a build at 300
    try:
        return str(Path(path).resolve().relative_to(Path(folder).resolve()))
    except ValueError:
        return path


class ContentProblems(SystemExit):
    """Stops a build (exit status 1) and carries its problems, for the preview's banner."""

    def __init__(self, problems):
        super().__init__(1)
        self.problems = problems


def report(problems, outcome):
    for problem in problems:
        print(problem, file=sys.stderr)
    print_annotations(problems)
    count = len(problems)
    print(f"content_checks: {count} fel; {outcome}", file=sys.stderr)
