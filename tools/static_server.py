"""A quiet static file server on a free port of 127.0.0.1, in a thread, for tests and the
audit. It may start before the build fills the folder: files are read per request.

`like_production=True` serves the way the real hosts do, so that the audit measures what a
phone gets: https (a throwaway self-signed certificate that openssl makes), a connection
kept open for the next request, and text compressed with gzip. Without them every request
would pay a new TCP and TLS handshake and the HTML would travel at three times its size.
"""

import gzip
import io
import mimetypes
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


def compressible(kind):
    """Is a file of this media type sent gzipped, as the real hosts send text?"""
    return kind.startswith("text/") or kind.endswith(("+xml", "/xml", "/json"))


def served_size(file):
    """The bytes a host sends for a file (B): text gzipped, the rest as it is."""
    data = Path(file).read_bytes()
    kind = mimetypes.guess_type(str(file))[0] or ""
    return len(gzip.compress(data)) if compressible(kind) else len(data)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class ProductionHandler(QuietHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as every real host does

    def send_head(self):
        """Text files gzipped when the browser accepts it; the rest as the stdlib serves it."""
        path = unquote(urlsplit(self.path).path)
        file = Path(self.translate_path(path))
        if path.endswith("/"):
            file = file / "index.html"
        kind = self.guess_type(str(file))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (file.is_file() and compressible(kind) and accepted):
            return super().send_head()
        body = gzip.compress(file.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # Chromium drops spare connections, some before the TLS handshake: not news.
        if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError)):
            super().handle_error(request, client_address)


def tls_context(folder):
    key, certificate = f"{folder}/key.pem", f"{folder}/certificate.pem"
    request = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    names = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(
        [*request, "-keyout", key, "-out", certificate, *names],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    return context


@contextmanager
def serving(folder, like_production=False):
    """Serve `folder`; yield its base URL, http(s)://127.0.0.1:<port>."""
    handler = ProductionHandler if like_production else QuietHandler
    server = QuietServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    if like_production:
        with tempfile.TemporaryDirectory() as keys:
            # The handshake in the request's thread, not in accept(): one slow client
            # (Chromium opens spare connections) must not hold up every other request.
            context = tls_context(keys)
            server.socket = context.wrap_socket(
                server.socket, server_side=True, do_handshake_on_connect=False
            )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"{'https' if like_production else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def wait_until_served(url, server=None, seconds=60):
    """Return once `url` answers; OSError if it has not within `seconds`, or as soon as the
    server's process (a Popen, when given) has exited."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if (server and server.poll() is not None) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)
