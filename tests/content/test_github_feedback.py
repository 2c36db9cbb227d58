"""Under GitHub Actions a content mistake also shows on its line in the pull request (a
workflow command with file= and line=), and the production build writes a summary for
the run's page."""

import os

import pytest

from conftest import FIXTURE_SITE_MAP, ROOT
from forked_python import run_python
from site_copy import article, build_production, write_site
from site_model.checks.annotations import workflow_command
from tools.build_summary import append_step_summary, build_summary
from tools.first_render import first_render_bytes

TWO_MISTAKES = article("Två fel", "autor: Någon\noriginal_url: https://www.epm.se/gammal/\n")


ARGUMENTS = ["-o", "output", "--fatal", "warnings", "content"]


def build_in(root, **env):
    """Build as CI does: from the repository's root, so paths read content/…"""
    return run_python(
        ["-m", "pelican", "-s", str(ROOT / "pelican.conf.py"), *ARGUMENTS],
        cwd=root,
        env={**os.environ, "PYTHONUTF8": "1", **env},
    )


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory):
    root = tmp_path_factory.mktemp("mistakes")
    write_site(root, {"tva-fel.md": TWO_MISTAKES})
    return root


def test_each_mistake_is_a_github_error_on_its_file_and_line(mistaken):
    result = build_in(mistaken, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    commands = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    start = "::error file=content/articles/tva-fel.md,line={},title=Innehållsfel::"
    assert commands == [
        start.format(6) + "okänt fält 'autor' — menade du 'author'?",
        start.format(7) + "'original_url' 'https://www.epm.se/gammal/' är ingen adress "
        "på den här webbplatsen — skriv den utan https://, domännamn och inledande /, "
        "med / eller .html sist, t.ex. artiklar/gammal-adress/",
    ]


def test_outside_github_actions_there_are_no_workflow_commands(mistaken):
    result = build_in(mistaken, GITHUB_ACTIONS="")
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr
    assert "content/articles/tva-fel.md:6: okänt fält 'autor'" in result.stderr


def test_workflow_commands_escape_what_github_would_misread():
    command = workflow_command("100% klart\r\nrad två", file="content/a,b:c.md", line=3)
    assert (
        command
        == "::error file=content/a%2Cb%3Ac.md,line=3,title=Innehållsfel::100%25 klart%0D%0Arad två"
    )
    assert workflow_command("Varning", level="warning", title="T: 1").startswith(
        "::warning title=T%3A 1::"
    )


RENAMED = article("Ny adress", "original_url: artiklar/gammal-adress/\n")
# The deploy before: the start page and an article that is gone now.
PREVIOUS = """<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://www.epm.example/</loc></url>
<url><loc>https://www.epm.example/artiklar/gammal-adress/</loc></url>
</urlset>
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("summary")
    (root / "previous.xml").write_text(PREVIOUS, "utf-8")
    return root, *build_production(root, {"ny-adress.md": RENAMED})


def test_production_build_writes_a_summary_for_the_run_page(built, tmp_path, monkeypatch):
    root, _, output = built
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    append_step_summary(build_summary(output, str(root / "previous.xml")))
    summary = (tmp_path / "summary.md").read_text("utf-8")
    # The fixture site's pages and the renamed article; its redirect and this one.
    pages = len(FIXTURE_SITE_MAP) + 1
    assert f"- Pages built: {pages}\n- Old addresses redirected: 2; gone for good: 0\n" in summary
    sizes = {
        page.relative_to(output).as_posix(): first_render_bytes(page.read_bytes())
        for page in output.rglob("*.html")
    }
    largest = max(sizes, key=sizes.get)
    line = f"- Largest first render: `/{largest}`, {sizes[largest]:,} B gzip, within the 14,600 B"
    assert line in summary
    assert "- Pages added to the sitemap: 16" in summary  # all the indexed ones but the start
    assert "  - `/artiklar/ny-adress/`" in summary
    assert "- Pages no longer in the sitemap: 1\n  - `/artiklar/gammal-adress/`" in summary


def test_no_summary_outside_github_actions(built, tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    append_step_summary(build_summary(built[2]))
    assert list(tmp_path.iterdir()) == []


def test_check_urls_adds_what_would_break_to_the_summary(built, tmp_path):
    _, content, output = built
    (tmp_path / "sitemap.xml").write_text(
        PREVIOUS.replace("gammal-adress/", "forsvunnen/"), "utf-8"
    )
    summary = tmp_path / "summary.md"
    folders = ["--output", str(output), "--content", str(content)]
    result = run_python(
        ["-m", "invoke", "check-urls", str(tmp_path / "sitemap.xml"), *folders],
        cwd=ROOT,
        env={**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1
    assert "::error title=Adress försvinner::/artiklar/forsvunnen/ var publicerad" in result.stdout
    text = summary.read_text("utf-8")
    assert "### Addresses against the last deploy" in text
    assert (
        "- **1 would break** (no page, redirect or gone.txt line):\n  - `/artiklar/forsvunnen/`"
        in text
    )
