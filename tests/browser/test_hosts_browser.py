"""The production build served by Cloudflare's own runtime (`wrangler pages dev`, from
npm), which applies `_headers` as Cloudflare Pages does: each page gets exactly one
Content-Security-Policy, its path's, and the editors' CMS at /admin/ works there.

Cloudflare sends the headers of every rule that matches a path, joined; a policy on
/admin/* therefore starts with `! Content-Security-Policy`, which detaches the site's."""

import os
import subprocess
import time
import urllib.request

import pytest

from cms_session import free_port
from conftest import FIXTURE_SITE_MAP, ROOT, require
from production_site import SITEURL, ProductionSite
from tools.static_server import serving

WRANGLER = ROOT / "node_modules" / ".bin" / "wrangler"
READER_HEADERS = ["Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy"]


def wait_until_served(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return urllib.request.urlopen(url, timeout=2)
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise


@pytest.fixture(scope="module")
def cloudflare(fixture_production, tmp_path_factory):
    """(base URL, the build's policies): wrangler serving the build on a free port."""
    require("wrangler", WRANGLER.exists(), "run `npm ci`")
    port = free_port()
    log = (tmp_path_factory.mktemp("wrangler") / "wrangler.log").open("w")
    server = subprocess.Popen(
        [
            str(WRANGLER),
            "pages",
            "dev",
            str(fixture_production.folder),
            "--ip",
            "127.0.0.1",
            "--port",
            str(port),
            "--compatibility-date",
            "2026-05-01",
        ],
        cwd=tmp_path_factory.mktemp("wrangler-home"),
        env={**os.environ, "WRANGLER_SEND_METRICS": "false", "CI": "true"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_served(url + "/", server)
        yield url, ProductionSite(fixture_production.folder)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def headers_of(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.headers


@pytest.mark.parametrize("path", [p for p in FIXTURE_SITE_MAP if p != "/404.html"])
def test_each_page_gets_exactly_its_paths_policy(cloudflare, path):
    url, site = cloudflare
    headers = headers_of(url + path)
    assert headers.get_all("Content-Security-Policy") == [site.csp(path)]
    for name in READER_HEADERS:
        assert headers.get(name), (path, name)


def test_admin_gets_only_the_cms_policy_and_the_cms_signs_in(cloudflare, browser):
    url, site = cloudflare
    headers = headers_of(url + "/admin/")
    assert headers.get_all("Content-Security-Policy") == [site.csp("/admin/")]
    assert headers["X-Robots-Tag"] == "noindex"
    assert headers.get_all("Cross-Origin-Opener-Policy") == ["same-origin-allow-popups"]
    context = browser.new_context()
    page = context.new_page()
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto(url + "/admin/")
    page.get_by_role("button", name="Logga in med GitHub").wait_for()
    # The build's absolute addresses (its icon) are the site's own origin ('self') on the
    # host; served here from 127.0.0.1 they are another one, so only those may be refused.
    assert [v for v in violations if f"'{SITEURL}/" not in v] == []
    context.close()


def test_the_cms_sign_in_popup_can_answer_its_opener(cloudflare, browser, tmp_path):
    """GitHub's sign-in (docs/deploying.md) runs in a popup on another origin, the sign-in
    helper's, which posts the token to window.opener; the readers' same-origin policy on
    /admin/ would have cut that link."""
    url, _ = cloudflare
    (tmp_path / "index.html").write_text("<!doctype html><title>Inloggning</title>")
    page = browser.new_page()
    page.goto(url + "/admin/")
    with serving(tmp_path) as helper, page.expect_popup() as opened:
        page.evaluate("address => { window.open(address) }", helper + "/")
        popup = opened.value
        popup.wait_for_load_state()
        assert popup.evaluate("window.opener !== null")
    page.context.close()
