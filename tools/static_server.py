"""A quiet static file server on a free port of 127.0.0.1, in a thread, for tests and the
audit. It may start before the build fills the folder: files are read per request. With
`tls=True` it speaks https with a throwaway self-signed certificate (openssl makes it), so
a measurement pays for the TLS handshake as readers of the real site do."""

import ssl
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


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
def serving(folder, tls=False):
    """Serve `folder`; yield its base URL, http(s)://127.0.0.1:<port>."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    if tls:
        with tempfile.TemporaryDirectory() as keys:
            # The handshake in the request's thread, not in accept(): one slow client
            # (Chromium opens spare connections) must not hold up every other request.
            context = tls_context(keys)
            server.socket = context.wrap_socket(
                server.socket, server_side=True, do_handshake_on_connect=False
            )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
