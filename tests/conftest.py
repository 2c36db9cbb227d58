"""Shared fixtures: the site built once per session, served on 127.0.0.1, and a browser."""

import os
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.form_sink import FormSink
from tools.static_server import serving

ROOT = Path(__file__).resolve().parent.parent
# The client's page as scraped (../shared/source/), kept here so CI runs anywhere.
ORIGINAL_PAGE = ROOT / "tests" / "data" / "original-page.txt"
SHARED_ORIGINAL_PAGE = ROOT.parent / "shared" / "source" / "original-page.txt"
ARTIFACTS = ROOT / "test-artifacts"
PRODUCTION_ENV = {
    "SITEURL": "https://www.epm.example",
    "CONTACT_FORM_ENDPOINT": "https://formspree.io/f/abc",
}


def build(settings, output, content=None, **env):
    """Run Pelican as an editor or CI would; return the finished process."""
    arguments = ["-s", settings, "-o", str(output), "--fatal", "warnings"]
    return subprocess.run(
        [sys.executable, "-m", "pelican", *arguments, *([str(content)] if content else [])],
        cwd=ROOT,
        env={**os.environ, "PYTHONUTF8": "1", "COLUMNS": "200", **env},
        capture_output=True,
        text=True,
    )


def build_or_fail(settings, output, **env):
    result = build(settings, output, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def served_folder(tmp_path_factory):
    """An HTTP server on a free port of 127.0.0.1, serving a folder the build fills."""
    folder = tmp_path_factory.mktemp("site")
    with serving(folder) as url:
        yield folder, url


@pytest.fixture(scope="session")
def sink(tmp_path_factory):
    form_sink = FormSink(tmp_path_factory.mktemp("sink") / "submissions.jsonl").start()
    yield form_sink
    form_sink.stop()


@pytest.fixture(scope="session")
def site(served_folder, sink):
    """The development build, posting to the test's form sink."""
    folder, _ = served_folder
    return build_or_fail(
        "pelican.conf.py",
        folder,
        PREVIEW_URL=served_folder[1],
        CONTACT_FORM_ENDPOINT=sink.url,
    )


@pytest.fixture(scope="session")
def site_url(site, served_folder):
    return served_folder[1]


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    return build_or_fail("publishconf.py", tmp_path_factory.mktemp("production"), **PRODUCTION_ENV)


def parse(folder, path):
    """The page at a site URL path ("/kontakt/"), parsed as a browser would (HTML5 rules:
    the minified pages leave out optional tags)."""
    file = folder / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    return BeautifulSoup(file.read_text("utf-8"), "html5lib")


@pytest.fixture(scope="session")
def page_of(site):
    return partial(parse, site)


# Browser: the system Chromium, never a downloaded one.


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} not found: apt-get install chromium chromium-driver"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
