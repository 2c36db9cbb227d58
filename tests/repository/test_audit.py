"""`invoke audit` measures what a phone would get from the real hosts, and says when it misses."""

import gzip
import http.client
import ssl

from tools.audit import missed_goals
from tools.static_server import serving

PAGE = "<!doctype html><title>Hej</title><p>" + "Coaching och mentorskap. " * 200
PHOTO = bytes(range(256)) * 40


def test_the_audit_server_serves_like_the_real_hosts(tmp_path):
    (tmp_path / "kontakt").mkdir()
    (tmp_path / "kontakt" / "index.html").write_text(PAGE, "utf-8")
    (tmp_path / "foto.jpg").write_bytes(PHOTO)
    with serving(tmp_path, like_production=True) as url:
        assert url.startswith("https://")
        our_certificate = ssl.create_default_context()
        our_certificate.check_hostname, our_certificate.verify_mode = False, ssl.CERT_NONE
        port = int(url.rsplit(":", 1)[1])
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=our_certificate)
        gzipped = {"Accept-Encoding": "gzip"}

        connection.request("GET", "/kontakt/?utm_source=nyhetsbrev", headers=gzipped)
        page = connection.getresponse()
        assert page.getheader("Content-Encoding") == "gzip" and not page.will_close
        assert gzip.decompress(page.read()).decode() == PAGE
        socket = connection.sock

        # The same connection, kept open, for the next file: a photo, not compressed again.
        connection.request("GET", "/foto.jpg", headers=gzipped)
        photo = connection.getresponse()
        assert photo.getheader("Content-Encoding") is None and photo.read() == PHOTO
        assert connection.sock is socket
        connection.close()


def test_the_audit_names_every_missed_goal():
    met = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
    scores = {
        "/": {**met, "lcp": 1.0},
        "/kontakt/": {**met, "lcp": 1.01},
        "/tjanster/": {**met, "seo": 92, "lcp": 0.9},
    }
    assert missed_goals(scores) == ["/kontakt/: LCP 1.01 s > 1.0 s", "/tjanster/: seo 92"]
