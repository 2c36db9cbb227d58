"""A local stand-in for a Formspree-compatible form service, for previews and tests.

No account, no network: `invoke livereload` and `invoke serve` start it on 127.0.0.1
and the dev build's form posts to it. Like the real service it answers a plain form
post with 303 to `_next`, a post that accepts JSON with `{"ok": true, "next": …}`,
a submission without `message` or without a valid `email` with 422 and `errors[]`,
and quietly drops a submission whose honeypot is filled. Each accepted submission is
appended to a JSON Lines file. Tests switch `mode` to make it fail as real services
do, or `stop()` it and `start()` it again to be unreachable for a while.
"""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl

# Stricter than a browser's type=email (which takes "namn@foretag"), as real services are.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MAX_BODY_BYTES = 64 * 1024

OK, ERROR, HANG, SLOW = "ok", "error", "hang", "slow"
HANG_SECONDS = 60
SLOW_SECONDS = 1


class FormSink:
    """`start()` and `stop()` it (again, on the same port); `mode` is OK, ERROR, HANG or SLOW."""

    def __init__(self, log_path, fields, host="127.0.0.1", port=0):
        """`fields`: the form's field names, CONTACT_FORM_FIELDS in pelican.conf.py."""
        self.log_path = Path(log_path)
        self.fields = fields
        self.address = (host, port)
        self.mode = OK
        self._release = threading.Event()
        self._server = None

    @property
    def url(self):
        host, port = self.address
        return f"http://{host}:{port}/f/epm"

    def start(self):
        self._release.clear()
        self._server = ThreadingHTTPServer(self.address, _handler_for(self))
        self._server.daemon_threads = True
        self.address = self._server.server_address[:2]  # the port, if it was 0
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self._release.set()  # lets a hanging request end
        self._server.shutdown()
        self._server.server_close()

    def submissions(self):
        if not self.log_path.exists():
            return []
        return [json.loads(line) for line in self.log_path.read_text("utf-8").splitlines()]

    def record(self, fields):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"received": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "fields": fields}
        with self.log_path.open("a", encoding="utf-8") as log:
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")


def field_errors(fields, names):
    """Formspree-style `errors[]` for the fields the service itself insists on."""
    errors = []
    email, message = names["email"], names["message"]
    if not EMAIL.fullmatch(fields.get(email, "")):
        errors.append({"field": email, "code": "TYPE_EMAIL", "message": "should be an email"})
    if not fields.get(message, "").strip():
        errors.append({"field": message, "code": "REQUIRED_FIELD_EMPTY", "message": "required"})
    return errors


def _handler_for(sink):
    class Handler(BaseHTTPRequestHandler):
        def do_OPTIONS(self):
            self._reply(204, b"", "text/plain")

        def do_POST(self):
            if sink.mode == HANG:
                sink._release.wait(HANG_SECONDS)
                return
            if sink.mode == SLOW:
                sink._release.wait(SLOW_SECONDS)
            if sink.mode == ERROR:
                self._json(500, {"error": "Internal server error"})
                return
            length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY_BYTES)
            fields = dict(
                parse_qsl(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
            )
            errors = field_errors(fields, sink.fields)
            if errors:
                self._json(422, {"error": "Validation errors", "errors": errors})
                return
            if not fields.get(sink.fields["honeypot"]):
                sink.record(fields)
            next_url = fields.get(sink.fields["redirect"], "")
            if "application/json" in self.headers.get("Accept", ""):
                self._json(200, {"ok": True, "next": next_url})
            else:
                self.send_response(303)
                self.send_header("Location", next_url)
                self.send_header("Content-Length", "0")
                self.end_headers()

        def _json(self, status, body):
            self._reply(status, json.dumps(body, ensure_ascii=False).encode(), "application/json")

        def _reply(self, status, body, content_type):
            self.send_response(status)
            # The site and the sink are different origins, as with the real service.
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass  # the submissions file is the log

    return Handler
