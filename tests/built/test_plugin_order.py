"""The plugins lean on no one's order: each reads only settings and its own results."""

import filecmp
import re
import shutil

from conftest import FIXTURE_CONTENT, PRODUCTION_ENV, SETTINGS, build, parse


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


CASE_KIND = {  # a kind like the services, with no list page of its own
    "folder": "kundcase",
    "url": "kundcase/{slug}/",
    "label": "Kundcase",
    "label_plural": "Kundcase",
    "template": "service",
    "fields": ["title", "summary", "order", "status", "original_url"],
}
CASE = """---
title: Ledningsgruppen som hittade rätt
order: 1
summary: Hur en ledningsgrupp fick ihop sina mål.
---

Ett kundcase.
"""


def with_case_studies(tmp_path, case=CASE):
    """The fixture site with a kind of content more: a folder, a file, and the kind's entry
    in CONTENT_KINDS (everything else is derived from it)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    (content / "kundcase").mkdir()
    (content / "kundcase" / "ledningsgruppen.md").write_text(case, "utf-8")
    article = content / "articles" / "att-valja-coach.md"
    text = article.read_text("utf-8").replace(
        "---\n\n", "kundcase:\n  - ledningsgruppen\n---\n\n", 1
    )
    article.write_text(text, "utf-8")
    kinds = {**SETTINGS["CONTENT_KINDS"], "case": CASE_KIND}
    overrides = {"CONTENT_KINDS": kinds}
    return content, overrides


def test_a_new_kind_of_content_is_a_folder_a_template_and_a_settings_line(tmp_path):
    content, overrides = with_case_studies(tmp_path)
    result = build("pelican.conf.py", tmp_path / "out", content, overrides)
    assert result.returncode == 0, result.stderr
    case = parse(tmp_path / "out", "/kundcase/ledningsgruppen/")
    assert case.h1.get_text() == "Ledningsgruppen som hittade rätt"
    assert case.find("link", rel="canonical")["href"].endswith("/kundcase/ledningsgruppen/")
    # The article's `kundcase:` field passed the checks: an article may name the new kind.


def test_the_new_kind_is_checked_like_the_others(tmp_path):
    content, overrides = with_case_studies(tmp_path, CASE.replace("order: 1\n", ""))
    result = build("pelican.conf.py", tmp_path / "out", content, overrides)
    assert result.returncode == 1
    assert f"{content}/kundcase/ledningsgruppen.md:1: 'order' saknas" in result.stderr
