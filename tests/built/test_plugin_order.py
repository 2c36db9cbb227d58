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


SEMINAR_KIND = {  # a kind like the services, with no list page of its own
    "folder": "seminars",
    "url": "seminarier/{slug}/",
    "label": "Seminarium",
    "label_plural": "Seminarier",
    "template": "service",
    "fields": ["title", "summary", "order", "status", "original_url"],
}
SEMINAR = """---
title: Ledningsgruppen som hittade rätt
order: 1
summary: Hur en ledningsgrupp fick ihop sina mål.
---

Ett seminarium.
"""


def with_seminars(tmp_path, seminar=SEMINAR):
    """The fixture site with a kind of content more: a folder, a file, and the kind's entry
    in CONTENT_KINDS (everything else is derived from it); an article names it, with the
    kind's folder added to the article's fields."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    (content / "seminars").mkdir()
    (content / "seminars" / "ledarskapsdag.md").write_text(seminar, "utf-8")
    article = content / "articles" / "att-valja-coach.md"
    text = article.read_text("utf-8").replace("---\n\n", "seminars:\n  - ledarskapsdag\n---\n\n", 1)
    article.write_text(text, "utf-8")
    kinds = SETTINGS["CONTENT_KINDS"]
    article_kind = {**kinds["article"], "fields": [*kinds["article"]["fields"], "seminars"]}
    overrides = {"CONTENT_KINDS": {**kinds, "article": article_kind, "seminar": SEMINAR_KIND}}
    return content, overrides


def test_a_new_kind_of_content_is_a_folder_a_template_and_a_settings_line(tmp_path):
    content, overrides = with_seminars(tmp_path)
    result = build("pelican.conf.py", tmp_path / "out", content, overrides)
    assert result.returncode == 0, result.stderr
    seminar = parse(tmp_path / "out", "/seminarier/ledarskapsdag/")
    assert seminar.h1.get_text() == "Ledningsgruppen som hittade rätt"
    assert seminar.find("link", rel="canonical")["href"].endswith("/seminarier/ledarskapsdag/")
    # The article's `seminars:` field passed the checks, and the article shows it.
    assert seminar.find("a", href="/artiklar/att-valja-coach/")


def test_the_new_kind_is_checked_like_the_others(tmp_path):
    content, overrides = with_seminars(tmp_path, SEMINAR.replace("order: 1\n", ""))
    result = build("pelican.conf.py", tmp_path / "out", content, overrides)
    assert result.returncode == 1
    assert f"{content}/seminars/ledarskapsdag.md:1: 'order' saknas" in result.stderr
