"""The plugins lean on no one's order: each reads only settings and its own results."""

import filecmp
import re

from conftest import FIXTURE_CONTENT, PRODUCTION_ENV, SETTINGS, build


def differences(left, right):
    """Files that differ or exist on one side only, below two folders."""
    found, queue = [], [filecmp.dircmp(left, right)]
    while queue:
        comparison = queue.pop()
        found += comparison.left_only + comparison.right_only + comparison.diff_files
        queue += comparison.subdirs.values()
    return found


def test_plugins_in_reverse_order_build_the_same_site(tmp_path, fixture_production):
    reverse = {"PLUGINS": list(reversed(SETTINGS["PLUGINS"]))}
    result = build("publishconf.py", tmp_path, FIXTURE_CONTENT, reverse, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    # pelican-sitemap dates the pages that have no date with the time of the build.
    assert set(differences(fixture_production.folder, tmp_path)) <= {"sitemap.xml"}
    sitemaps = [
        (folder / "sitemap.xml").read_text() for folder in (fixture_production.folder, tmp_path)
    ]
    undated = [re.sub(r"<lastmod>[^<]*</lastmod>", "", sitemap) for sitemap in sitemaps]
    assert undated[0] == undated[1]
