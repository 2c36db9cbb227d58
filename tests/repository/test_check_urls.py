"""`invoke check-urls SITEMAP`: an address of the last deploy that the new build no longer
answers fails, naming the address and the fix; a redirect, a gone.txt line, an unchanged
site and a site never published pass."""

import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import PRODUCTION_ENV, ROOT
from forked_python import run_python
from site_copy import article, build_production
from tools.check_urls import is_fresh
from tools.static_server import serving

SITEURL = PRODUCTION_ENV["SITEURL"]
RENAMED = article("Ny adress", "original_url: artiklar/gammal-adress/\n")
FIX = (
    'lägg till "original_url: artiklar/forsvunnen/" i filen som ersatte sidan, '
    "eller skriv adressen i content/gone.txt om sidan är borta för gott"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("check-urls")
    return build_production(root, {"ny-adress.md": RENAMED}, gone="artiklar/borttagen/\n")


def sitemap(*addresses, siteurl=SITEURL):
    urls = "".join(f"<url><loc>{siteurl}/{address}</loc></url>" for address in addresses)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
    )


def check_urls(site, source, **env):
    content, output = site
    folders = ["--output", str(output), "--content", str(content)]
    return run_python(
        ["-m", "invoke", "check-urls", str(source), *folders],
        cwd=ROOT,
        env={**os.environ, "PYTHONUTF8": "1", **env},
    )


@pytest.fixture
def last_deploy(tmp_path):
    """Write the last deploy's sitemap listing these addresses; return its path."""

    def write(*addresses):
        file = tmp_path / "sitemap.xml"
        file.write_text(sitemap(*addresses), "utf-8")
        return file

    return write


def test_unchanged_site_passes(site):
    result = check_urls(site, site[1] / "sitemap.xml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check-urls: all 17 addresses" in result.stdout  # the fixture site's 16 and one


def test_vanished_address_fails_naming_it_and_the_fix(site, last_deploy):
    result = check_urls(site, last_deploy("", "artiklar/ny-adress/", "artiklar/forsvunnen/"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"check-urls: /artiklar/forsvunnen/ var publicerad men finns inte i det här bygget — {FIX}"
    ]


def test_address_covered_by_original_url_passes(site, last_deploy):
    result = check_urls(site, last_deploy("artiklar/gammal-adress/"))
    assert result.returncode == 0, result.stdout


def test_address_in_gone_txt_passes(site, last_deploy):
    result = check_urls(site, last_deploy("artiklar/borttagen/"))
    assert result.returncode == 0, result.stdout


def test_live_sitemap_over_http_is_compared_too(site, tmp_path):
    (tmp_path / "sitemap.xml").write_text(sitemap("artiklar/forsvunnen/"), "utf-8")
    with serving(tmp_path) as url:
        result = check_urls(site, f"{url}/sitemap.xml")
    assert result.returncode == 1
    assert "/artiklar/forsvunnen/ var publicerad men finns inte i det här bygget" in result.stdout


def test_site_in_a_subfolder_is_compared_from_its_root(site, tmp_path):
    # A GitHub Pages project site: https://owner.github.io/repo/, sitemap at /repo/.
    (tmp_path / "repo").mkdir()
    live = sitemap("artiklar/ny-adress/", "artiklar/forsvunnen/", siteurl="https://x.test/repo")
    (tmp_path / "repo" / "sitemap.xml").write_text(live, "utf-8")
    with serving(tmp_path) as url:
        result = check_urls(site, f"{url}/repo/sitemap.xml")
    assert result.returncode == 1
    assert [line.split(" var publicerad ")[0] for line in result.stdout.splitlines()] == [
        "check-urls: /artiklar/forsvunnen/"
    ]


def test_first_deploy_with_no_live_sitemap_passes_with_a_note(site, tmp_path):
    with serving(tmp_path) as url:  # an empty folder: 404
        result = check_urls(site, f"{url}/sitemap.xml")
    assert result.returncode == 0, result.stderr
    assert "nothing to compare" in result.stdout and "answers 404" in result.stdout


def test_no_server_at_the_address_fails_rather_than_waving_the_deploy_through(site):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
        # Bound but not listening: a connection is refused, and nobody else can take it.
        result = check_urls(site, f"http://127.0.0.1:{port}/sitemap.xml")
    assert result.returncode == 1
    assert "cannot be reached" in result.stderr


class Failing(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_error(503)

    def log_message(self, format, *args):
        pass


def test_live_site_answering_an_error_fails_with_one_line(site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Failing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = check_urls(site, f"http://127.0.0.1:{server.server_address[1]}/sitemap.xml")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("check-urls: ")
    assert "Traceback" not in result.stderr


def test_output_is_stale_after_a_content_change(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    content.mkdir(), output.mkdir()
    (content / "a.md").write_text("a")
    (output / "index.html").write_text("built")
    assert is_fresh(output, [content])
    later = time.time() + 5
    os.utime(content / "a.md", (later, later))
    assert not is_fresh(output, [content])
    assert not is_fresh(tmp_path / "missing", [content])


def test_output_is_stale_after_a_file_is_renamed(tmp_path):
    # A rename changes no file's time, only its folder's: the old page must not count.
    content, output = tmp_path / "content", tmp_path / "output"
    content.mkdir(), output.mkdir()
    (content / "a.md").write_text("a")
    (output / "index.html").write_text("built")
    (content / "a.md").rename(content / "b.md")
    later = time.time() + 5
    os.utime(content, (later, later))
    assert not is_fresh(output, [content])
