"""A signed-in session of the editors' CMS for the browser tests: /admin/ built from the
project's settings, decap-server on a copy of the fixture site, and what an editor does in
it (open an entry, publish). Shared by tests/browser/test_cms_browser.py and
test_cms_preview_browser.py."""

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from urllib.parse import urlsplit

from conftest import ADMIN_FOLDER, FIXTURE_CONTENT, ROOT, build, require
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


def open_entry(cms, path):
    # A fresh load: a change of the #route alone can leave the last form on screen a moment.
    # From a blank page, so that it is one navigation: a #route change and then reload()
    # raced the CMS's own routing, and on a busy machine reload() timed out or was
    # interrupted. The sign-in survives (the CMS keeps it in localStorage).
    cms.goto("about:blank")
    cms.goto(f"{cms.admin_url}#/collections/{path}", wait_until="commit")
    cms.get_by_label("Rubrik", exact=True).wait_for(timeout=60_000)


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
