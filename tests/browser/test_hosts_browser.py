"""The production build's `_headers` as the hosts that read it apply it: each page gets
exactly one Content-Security-Policy, its path's, and the editors' CMS at /admin/ works.

- Cloudflare Pages, by its own runtime (`wrangler pages dev`, from npm). It sends the
  headers of every rule that matches a path, joined; a policy on /admin/* therefore starts
  with `! Content-Security-Policy`, which detaches the site's.
- Netlify, by its own headers engine (@netlify/headers, what its local dev server runs,
  from npm; tests/netlify_headers.mjs). Of the rules that match, a later one's header
  replaces an earlier one's of the same name, and its parser skips the `!` lines (no
  colon), so the same file serves both."""

import json
import os
import shutil
import subprocess
import urllib.request

import pytest

from cms_session import free_port
from conftest import FIXTURE_SITE_MAP, ROOT, require
from production_site import SITEURL, ProductionSite
from tools.static_server import serving, wait_until_served

WRANGLER = ROOT / "node_modules" / ".bin" / "wrangler"
NETLIFY_ENGINE = ROOT / "node_modules" / "@netlify" / "headers"
READER_HEADERS = ["Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy"]


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


def netlify_headers(folder, paths):
    """{"errors": [what Netlify's parser refused], "headers": {path: {name: value}}}."""
    require("node", shutil.which("node"), "install Node.js")
    require("@netlify/headers", NETLIFY_ENGINE.exists(), "run `npm ci`")
    script = ROOT / "tests" / "netlify_headers.mjs"
    run = subprocess.run(
        ["node", str(script), str(folder), *paths], capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout)


def test_netlify_gives_each_page_exactly_its_paths_headers(fixture_production):
    site = ProductionSite(fixture_production.folder)
    pages = [p for p in FIXTURE_SITE_MAP if p != "/404.html"]
    answer = netlify_headers(fixture_production.folder, [*pages, "/admin/"])
    assert answer["errors"] == []
    for path in pages:
        headers = answer["headers"][path]
        assert headers["Content-Security-Policy"] == site.csp(path), path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert all(headers.get(name) for name in READER_HEADERS), path
    admin = answer["headers"]["/admin/"]
    assert admin["Content-Security-Policy"] == site.csp("/admin/")
    assert admin["Cross-Origin-Opener-Policy"] == "same-origin-allow-popups"
    assert admin["X-Robots-Tag"] == "noindex"
