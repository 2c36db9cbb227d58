"""Shared fixtures: each site built once per session, served on 127.0.0.1, and a browser.

Two content trees are built with the project's theme, plugins and settings:
- the fixture site (tests/fixtures/site/), whose content the tests own, so they may assert
  exact lists, orders, texts and bytes on it;
- the real site (content/), which belongs to the editors, so tests hold it only to
  invariants that any valid content meets.
"""

import functools
import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock
from pelican.settings import get_settings_from_file
from xdist.scheduler import LoadScopeScheduling

from forked_python import run_python
from page_sample import changed_stems, sample
from site_model.addresses import saved_as
from tools.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.form_sink import FormSink
from tools.static_server import serving

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "site"
SETTINGS = get_settings_from_file(str(ROOT / "pelican.conf.py"))  # derived, as a build's
# The generated lists of the kinds (CONTENT_KINDS): /artiklar/, /tjanster/, …; the fixture
# site has something published of every kind, so it has every list.
LIST_PAGES = ["/" + kind.list_page.url for kind in SETTINGS["LIST_PAGES"].values()]
# The fixture site's published pages; its drafts are under /utkast/ in the preview only.
FIXTURE_SITE_MAP = [
    "/",
    *LIST_PAGES,
    "/artiklar/att-valja-coach/",
    "/artiklar/ledarskap-i-forandring/",
    "/tjanster/styrelsecoaching/",
    "/tjanster/teamcoaching/",
    "/tjanster/karriarcoaching/",
    "/tjanster/medarbetarsamtal/",  # status: hidden, so in no list
    "/coacher/anna-berg/",
    "/coacher/therese-m-sandberg/",
    "/kundcase/ledningsgruppen/",
    "/kundcase/ny-vd/",
    "/kontakt/",
    "/kontakt/tack/",
    "/integritet/",
    "/sok/",
    "/404.html",
]
FIXTURE_DRAFTS = ["/utkast/framtida-tjanst/", "/utkast/utkast-om-mentorskap/"]
# The editors' content; tests/content/test_editor_changes.py points this at an edited copy.
REAL_CONTENT = Path(os.environ.get("CONTENT_UNDER_TEST", ROOT / "content"))
# …and hands over its production build of that copy, so that it is not built twice.
REAL_PRODUCTION_BUILT = os.environ.get("CONTENT_UNDER_TEST_PRODUCTION")
ARTIFACTS = ROOT / "test-artifacts"
ADMIN_FOLDER = "admin"  # the editors' CMS (plugins/admin), not a reader's page
# What axe-core checks, and what it reports in full: only the violations. Left out, its options
# default to every result type, and each page's hundreds of passing nodes were serialized
# for Python to drop (a fifth of its time a page, measured on the fixture site).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
PRODUCTION_ENV = {
    "SITEURL": "https://www.epm.example",
    "CONTACT_FORM_ENDPOINT": "https://formspree.io/f/abc",
}


def build(settings, output, content=None, overrides=None, **env):
    """Run Pelican as an editor or CI would; return the finished process. `overrides`:
    settings as `pelican -e NAME=json` takes them."""
    if settings == "publishconf.py":  # it copies the CMS from npm (plugins/admin), or stops
        require("the CMS package", (ROOT / SETTINGS["CMS_PACKAGE"]).exists(), "run `npm ci`")
    arguments = ["-s", settings, "-o", str(output), "--fatal", "warnings"]
    arguments += [str(content)] if content else []
    if overrides:  # last: -e takes every argument after it
        arguments += ["-e", *(f"{name}={json.dumps(value)}" for name, value in overrides.items())]
    return run_python(
        ["-m", "pelican", *arguments],
        cwd=ROOT,
        env={**os.environ, "PYTHONUTF8": "1", "COLUMNS": "200", **env},
    )


def build_or_fail(settings, output, content, **env):
    result = build(settings, output, content, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def html_file(folder, path):
    """The file behind a site URL path: "/kontakt/" → kontakt/index.html."""
    return folder / saved_as(path.lstrip("/"))


def parse(folder, path):
    """The page at a site URL path ("/kontakt/"), parsed as a browser would (HTML5 rules:
    the minified pages leave out optional tags)."""
    return BeautifulSoup(html_file(folder, path).read_text("utf-8"), "html5lib")


@dataclass
class Site:
    """A built site: its folder, the content it was built from, and where it is served."""

    folder: Path
    content: Path
    url: str = ""
    parsed: dict = field(default_factory=dict, repr=False, compare=False)

    def page(self, path):
        """The page at `path`, parsed once per session (html5lib takes tens of ms a page, and
        the gates read every page several times): read it, never change it."""
        if path not in self.parsed:
            self.parsed[path] = parse(self.folder, path)
        return self.parsed[path]

    def paths(self):
        """Every reader's page that was built, as site URL paths ("/", "/kontakt/", "/404.html").

        Left out: the pages at old addresses that only send the browser on
        (plugins/redirects), and /admin/, the editors' CMS, a 6 MB app that no reader is sent
        to (noindex, not in the sitemap, linked from nowhere), with a CSP of its own; the
        reader pages' budgets, axe and link gates are not its rules.
        tests/built/test_cms_config.py holds it to its own."""
        built = {
            "/" + str(file.relative_to(self.folder)).removesuffix("index.html")
            for file in self.folder.rglob("*.html")
            if file.relative_to(self.folder).parts[0] != ADMIN_FOLDER
        }
        return sorted(built - self.redirected())

    def browser_paths(self):
        """The pages the browser gates visit: every page of the fixture site, a sample of
        the real one that covers each template and this change's pages (page_sample.py)."""
        if self.content == FIXTURE_CONTENT:
            return self.paths()
        return sample(self.paths(), changed_stems(self.content, ROOT))

    def redirected(self):
        """The old addresses in the `_redirects` file: "/old/ /new/ 301"."""
        file = self.folder / "_redirects"
        lines = file.read_text("utf-8").splitlines() if file.exists() else []
        return {words[0] for words in map(str.split, lines) if words[-1:] == ["301"]}


@pytest.fixture(scope="session")
def sink(tmp_path_factory):
    log = tmp_path_factory.mktemp("sink") / "submissions.jsonl"
    form_sink = FormSink(log, SETTINGS["CONTACT_FORM_FIELDS"]).start()
    yield form_sink
    form_sink.stop()


def served_dev_build(tmp_path_factory, content, sink):
    """The development build of `content`, served, its form posting to the test's sink."""
    folder = tmp_path_factory.mktemp("site")
    with serving(folder) as url:
        build_or_fail(
            "pelican.conf.py", folder, content, PREVIEW_URL=url, CONTACT_FORM_ENDPOINT=sink.url
        )
        yield Site(folder, content, url)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, sink):
    yield from served_dev_build(tmp_path_factory, FIXTURE_CONTENT, sink)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, sink):
    yield from served_dev_build(tmp_path_factory, REAL_CONTENT, sink)


# The modules that read real_site, a worker's own build: on one worker, it is built once a
# run, not once a worker (15 s at 300 articles). A module missing here costs that build again.
ON_THE_REAL_PREVIEW = {
    "tests/browser/test_wcag_browser.py",
    "tests/built/test_privacy_notice.py",
    "tests/built/test_typography.py",
    "tests/content/test_real_content.py",
}


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadscope` (one module's tests on one worker), with ON_THE_REAL_PREVIEW one
    unit of work."""
    return OneRealPreview(config, log) if config.getvalue("dist") == "loadscope" else None


class OneRealPreview(LoadScopeScheduling):
    def _split_scope(self, nodeid):
        module = nodeid.split("::", 1)[0]  # a test class's too
        return "the real preview" if module in ON_THE_REAL_PREVIEW else super()._split_scope(nodeid)


def built_once(tmp_path_factory, name, content):
    """The production build of `content`, made once a run: the first xdist worker to ask
    builds it under a lock, the others wait for it and read it (pytest-xdist's recipe for
    session fixtures). Tests only read it. (The development builds are a worker's own:
    their form posts to that worker's sink.)"""

    def build_into(folder):
        return build_or_fail("publishconf.py", folder, content, **PRODUCTION_ENV)

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build_into(tmp_path_factory.mktemp(name))
    # Above each worker's folder, named for this run: a --basetemp folder outlives a run.
    run = tmp_path_factory.getbasetemp().parent
    name += "-" + os.environ["PYTEST_XDIST_TESTRUNUID"]
    folder, done = run / name, run / f"{name}.built"
    with FileLock(run / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            build_into(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def fixture_production(tmp_path_factory):
    folder = built_once(tmp_path_factory, "production", FIXTURE_CONTENT)
    return Site(folder, FIXTURE_CONTENT, PRODUCTION_ENV["SITEURL"])


@pytest.fixture(scope="session")
def real_production(tmp_path_factory):
    if REAL_PRODUCTION_BUILT:
        return Site(Path(REAL_PRODUCTION_BUILT), REAL_CONTENT, PRODUCTION_ENV["SITEURL"])
    folder = built_once(tmp_path_factory, "real-production", REAL_CONTENT)
    return Site(folder, REAL_CONTENT, PRODUCTION_ENV["SITEURL"])


@pytest.fixture(scope="session", params=["fixture", "real"])
def each_production(request):
    """The production build of each content tree, for gates every page must pass."""
    return request.getfixturevalue(f"{request.param}_production")


def require(tool, found, how):
    """A missing tool skips on a developer's machine and fails in CI."""
    if not found:
        message = f"{tool} not found: {how}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
# One short run of the checker: Java's quick compiler and one-thread collector take half the
# CPU time of the defaults (320 pages: 17 s against 36 s; the same errors). The quick
# compiler's deeper stack wants a larger thread stack (the checker says at least 512k).
JAVA_FOR_ONE_RUN = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def nu_checker_errors(files):
    """What the Nu HTML Checker says is wrong in these HTML files ("" when nothing). A page
    whose exact bytes this checker passed before is not sent again (nu_passed)."""
    require("vnu.jar", VNU.exists() and shutil.which("java"), "run `npm ci` and install Java 17")
    passed = nu_passed()
    unchecked = {file: digest(file.read_bytes()) for file in map(Path, files)}
    unchecked = {file: key for file, key in unchecked.items() if key not in passed.keys}
    if not unchecked:
        return ""
    command = ["java", *JAVA_FOR_ONE_RUN, "-jar", VNU, "--errors-only", "--format", "gnu"]
    result = subprocess.run(
        list(map(str, [*command, *unchecked])),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        return result.stderr
    passed.add(unchecked.values())
    return ""


def digest(data):
    return hashlib.sha256(data).hexdigest()


@dataclass
class PassedPages:
    """The digests of the pages a checker passed, one a line in a file: the main suite, the
    editor scenario's run of it and the next run send the Nu checker only what is new (the
    same page with the same checker gets the same verdict). Each line is appended by one
    write, so xdist's workers can share the file."""

    file: Path
    keys: set

    def add(self, keys):
        self.file.parent.mkdir(parents=True, exist_ok=True)
        with self.file.open("a", encoding="ascii", buffering=1) as lines:  # a write a line
            for key in keys:
                lines.write(f"{key}\n")
        self.keys |= set(keys)


@functools.cache
def nu_passed():
    """The pages this vnu.jar passed (in cache/, which `invoke clean` empties)."""
    file = ROOT / "cache" / f"nu-passed-{digest(VNU.read_bytes())[:16]}.txt"
    return PassedPages(file, set(file.read_text("ascii").split()) if file.exists() else set())


# Browser: the system Chromium, never a downloaded one.


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require(CHROMIUM, shutil.which(CHROMIUM), "apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
