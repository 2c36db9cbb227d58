"""The editors' CMS in Chromium, end to end: /admin/ against decap-server on a temporary
copy of the fixture site, as `invoke livereload` runs it on the working copy. What the CMS
saves must be Markdown the content checks accept and the build publishes; a mistake the
CMS allows must fail the build with its file and line.

Most tests run decap-server in its `fs` mode, as livereload does: saves write the files
straight into the copy, and Decap saves without the pull-request step (it says so in the
console). The last test runs its `git` mode, where the editorial workflow of production
works as on GitHub. One signed-in tab and one build of /admin/ serve each mode."""

import datetime
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
import yaml
from pelican.settings import read_settings
from playwright.sync_api import expect

from conftest import (
    ADMIN_FOLDER,
    FIXTURE_CONTENT,
    ROOT,
    SETTINGS,
    build,
    build_or_fail,
    parse,
    require,
)
from site_model.checks import check_content
from tools.static_server import serving

DECAP_SERVER = ROOT / "node_modules/decap-server/dist/index.js"
NODE = shutil.which("node")
CONTENT = "content"  # CMS_CONTENT_FOLDER: where the copy's content sits in its "repository"
PHOTO = FIXTURE_CONTENT / "images" / "samtal.png"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=20):
    request = json.dumps({"action": "info"}).encode()
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(
                urllib.request.Request(
                    url, request, {"Content-Type": "application/json"}, method="POST"
                ),
                timeout=2,
            ) as answer:
                return json.load(answer)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def copy_of_fixture_site(root):
    """The fixture site's content under root, laid out as in the real repository."""
    shutil.copytree(FIXTURE_CONTENT, root / CONTENT)
    return root


@contextmanager
def running_decap_server(repository, mode):
    """decap-server on a free port of 127.0.0.1 for `repository`; yields its API URL."""
    require("decap-server", NODE and DECAP_SERVER.is_file(), "run `npm ci`")
    port = free_port()
    server = subprocess.Popen(
        [NODE, str(DECAP_SERVER)],
        env={
            "PATH": os.environ["PATH"],  # git, for the git mode
            "PORT": str(port),
            "BIND_HOST": "127.0.0.1",
            "GIT_REPO_DIRECTORY": str(repository),
            "MODE": mode,
            "LOG_LEVEL": "error",
        },
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api/v1"
    try:
        assert wait_for(url)["type"] == f"local_{mode}"
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def served_admin(folder, backend):
    """/admin/ built with the project's settings, its local backend at `backend` (a
    decap-server on PREVIEW_HOST), served."""
    overrides = {"CMS_SERVER_PORT": urlsplit(backend).port}
    result = build("pelican.conf.py", folder, FIXTURE_CONTENT, overrides=overrides)
    assert result.returncode == 0, result.stderr
    with serving(folder) as url:
        yield f"{url}/{ADMIN_FOLDER}/"


@contextmanager
def signed_in(browser, admin_url):
    """A CMS tab, signed in; it records what the page reports as broken."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and "Content Security Policy" in message.text
            and page.errors.append(message.text)
        ),
    )
    page.on("dialog", lambda dialog: dialog.accept())  # "leave without saving?"
    page.in_flight = set()  # requests not yet answered (see wait_until_answered)
    page.on("request", lambda request: page.in_flight.add(request))
    page.on("requestfinished", lambda request: page.in_flight.discard(request))
    page.on("requestfailed", lambda request: page.in_flight.discard(request))
    page.goto(admin_url)
    page.get_by_role("button", name="Logga in").click()  # the local backend needs no account
    page.get_by_role("link", name="Artiklar").first.wait_for()
    page.admin_url = admin_url
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    return copy_of_fixture_site(tmp_path_factory.mktemp("cms-repository"))


@contextmanager
def cms_tab(browser, repository, site_folder):
    """One signed-in tab on /admin/ (built once into site_folder) against decap-server
    writing repository."""
    with (
        running_decap_server(repository, "fs") as backend,
        served_admin(site_folder, backend) as admin_url,
        signed_in(browser, admin_url) as page,
    ):
        yield page


@pytest.fixture(scope="module")
def cms(browser, repository, tmp_path_factory):
    with cms_tab(browser, repository, tmp_path_factory.mktemp("cms-site")) as page:
        yield page


def open_entry(cms, path):
    # A fresh load: a change of the #route alone can leave the last form on screen a moment.
    # The sign-in survives (the CMS keeps it in localStorage).
    cms.goto(f"{cms.admin_url}#/collections/{path}")
    cms.reload()
    cms.get_by_label("Rubrik", exact=True).wait_for()


def wait_until_saved(cms):
    # The CMS's note once the file is written. Each test opens its entry with a fresh page
    # load, so a note is never left over from the one before.
    cms.get_by_text("Inlägg sparat").wait_for()


def wait_until_answered(cms, quiet_ms=500):
    """Until the CMS has had every request answered and asks nothing more for a moment:
    it says "saved" before its last requests, during which decap-server's git mode has the
    review branch checked out."""
    quiet = 0
    while quiet < quiet_ms:
        cms.wait_for_timeout(100)
        quiet = quiet + 100 if not cms.in_flight else 0


def publish(cms):
    cms.get_by_role("button", name="Publicera").click()
    cms.get_by_role("menuitem", name="Publicera nu").click()
    wait_until_saved(cms)


def write_article(cms, title, summary, body, service=None):
    open_entry(cms, "articles/new")
    cms.get_by_label("Rubrik", exact=True).fill(title)
    cms.get_by_label("Datum").fill("2026-11-27")
    cms.get_by_label("Sammanfattning").fill(summary)
    if service:
        cms.get_by_label("Tjänster").fill(service[:4])
        cms.get_by_role("option", name=service).click()
    editor = cms.locator("[data-slate-editor]")
    editor.click()
    cms.keyboard.type(body)
    expect(editor).to_contain_text(body)


def new_article(cms, title, summary, body, service=None):
    write_article(cms, title, summary, body, service)
    publish(cms)


def front_matter(path):
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


def front_matter_of(text):
    return yaml.safe_load(text.split("---")[1])


def problems_in(repository):
    """What `invoke check-content` would say about the copy."""
    settings = read_settings(
        str(ROOT / "pelican.conf.py"), override={"PATH": str(repository / CONTENT)}
    )
    return [str(problem) for problem in check_content(settings)]


def test_a_new_article_is_saved_as_markdown_that_builds(cms, repository, tmp_path):
    new_article(
        cms,
        "Mål för året",
        "Hur du sätter mål som håller hela året.",
        "Första stycket i den nya artikeln.",
        service="Teamcoaching",
    )
    path = repository / CONTENT / "articles" / "mal-for-aret.md"
    assert front_matter(path) == {
        "title": "Mål för året",
        "date": datetime.date(2026, 11, 27),
        "author": SETTINGS["AUTHOR"],
        "summary": "Hur du sätter mål som håller hela året.",
        "services": ["teamcoaching"],
    }
    assert problems_in(repository) == []
    output = build_or_fail("pelican.conf.py", tmp_path / "output", repository / CONTENT)
    page = parse(output, "/artiklar/mal-for-aret/")
    assert page.h1.get_text(strip=True) == "Mål för året"
    assert "Första stycket i den nya artikeln." in page.get_text()
    assert page.find("a", href="/tjanster/teamcoaching/")
    assert cms.errors == []


def test_a_new_article_starts_dated_today_and_picks_from_every_service(cms, repository):
    open_entry(cms, "articles/new")
    expect(cms.get_by_label("Datum")).to_have_value(datetime.date.today().isoformat())
    # The preview is styled by the site's own stylesheet, loaded into its frame.
    preview = cms.frame_locator("iframe").first
    expect(preview.locator('link[href$="/theme/css/site.css"]')).to_have_count(1)
    titles = [
        front_matter(path)["title"] for path in (repository / CONTENT / "services").glob("*.md")
    ]
    cms.get_by_label("Tjänster").click()
    expect(cms.get_by_role("option")).to_have_count(len(titles))
    assert sorted(cms.get_by_role("option").all_inner_texts()) == sorted(titles)
    cms.keyboard.press("Escape")


def test_editing_a_service_summary_changes_only_the_summary(cms, repository):
    path = repository / CONTENT / "services" / "teamcoaching.md"
    before = path.read_text("utf-8")
    open_entry(cms, "services/entries/teamcoaching")
    cms.get_by_label("Sammanfattning").fill("Coaching för hela ledningsgruppen.")
    publish(cms)
    meta = front_matter(path)
    assert meta == {**front_matter_of(before), "summary": "Coaching för hela ledningsgruppen."}
    assert cms.errors == []
    assert path.read_text("utf-8").split("---", 2)[2].strip() == before.split("---", 2)[2].strip()
    assert problems_in(repository) == []


def test_editing_the_start_page_keeps_its_template_and_address(cms, repository, tmp_path):
    path = repository / CONTENT / "pages" / "start.md"
    before = front_matter(path)
    open_entry(cms, "pages/entries/start")
    cms.get_by_label("Överrubrik").fill("Ledarskap som håller")
    publish(cms)
    assert front_matter(path) == {**before, "eyebrow": "Ledarskap som håller"}
    output = build_or_fail("pelican.conf.py", tmp_path / "output", repository / CONTENT)
    assert "Ledarskap som håller" in parse(output, "/").get_text()
    assert cms.errors == []


def test_an_uploaded_image_lands_in_content_images(cms, repository, tmp_path):
    photo = tmp_path / "ny-bild.png"
    shutil.copyfile(PHOTO, photo)
    cms.goto(cms.admin_url)
    cms.get_by_text("Media", exact=True).click()
    cms.get_by_text("Ladda upp", exact=True).wait_for()
    cms.locator("input[type=file]").set_input_files(str(photo))
    cms.get_by_text("ny-bild.png", exact=True).wait_for()  # listed in the media library
    uploaded = repository / CONTENT / "images" / "ny-bild.png"
    assert uploaded.read_bytes() == photo.read_bytes()
    assert cms.errors == []


def test_a_placeholder_is_saved_but_the_build_names_its_file_and_line(cms, repository, tmp_path):
    new_article(cms, "Halvfärdig text", "En sammanfattning.", "TODO skriv klart")
    path = repository / CONTENT / "articles" / "halvfardig-text.md"
    try:
        line = path.read_text("utf-8").splitlines().index("TODO skriv klart") + 1
        result = build("pelican.conf.py", tmp_path / "output", repository / CONTENT)
        assert result.returncode == 1
        assert f"{path}:{line}: " in result.stderr
        assert "platshållaren" in result.stderr.lower() or "TODO" in result.stderr
    finally:
        path.unlink()


# The production configuration saves as a pull request (publish_mode: editorial_workflow).
# decap-server's git mode does what GitHub does then: each saved entry is a commit on a
# branch of its own (on GitHub the pull request's branch), and the main branch is untouched.


def git(repository, *arguments):
    return subprocess.run(
        ["git", "-C", str(repository), *arguments], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def git_repository(tmp_path_factory):
    require("git", shutil.which("git"), "apt-get install git")
    root = copy_of_fixture_site(tmp_path_factory.mktemp("cms-git-repository"))
    git(root, "init", "-q", "-b", SETTINGS["CMS_BRANCH"])
    git(root, "config", "user.name", "EPM test")
    git(root, "config", "user.email", "test@epm.example")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Innehållet")
    return root


def test_saving_with_the_editorial_workflow_makes_a_branch_for_review(
    browser, git_repository, tmp_path
):
    with (
        running_decap_server(git_repository, "git") as backend,
        served_admin(tmp_path / "site", backend) as admin_url,
        signed_in(browser, admin_url) as cms,
    ):
        write_article(cms, "Ett förslag", "Väntar på granskning.", "Förslagets text.")
        cms.get_by_role("button", name="Spara").click()
        wait_until_saved(cms)
        wait_until_answered(cms)
        assert cms.errors == []
    file = f"{CONTENT}/articles/ett-forslag.md"
    branch = "cms/articles/ett-forslag"
    assert git(git_repository, "branch", "--list", branch).strip()
    assert git(git_repository, "log", "-1", "--format=%s", branch).strip() == (
        "Skapa Artikel ”ett-forslag”"
    )
    assert not (git_repository / file).exists()  # main is as it was until someone merges
    review = tmp_path / "review"
    git(git_repository, "worktree", "add", "-q", str(review), branch)
    assert front_matter(review / file)["title"] == "Ett förslag"
    assert problems_in(review) == []
