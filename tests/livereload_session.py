"""`invoke livereload` itself, on a copy of the project with the fixture site, for the tests
that follow a save to the preview: tests/repository/test_tasks.py (the HTML it serves) and
tests/browser/test_livereload_browser.py (what an editor's open tab shows)."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURE_CONTENT, ROOT
from tools.static_server import wait_until_served

PROJECT = ("theme", "plugins", "site_model", "tools", "tasks.py", "pelican.conf.py")
PORTS = ("PREVIEW_PORT", "FORM_SINK_PORT", "CMS_SERVER_PORT")


@dataclass
class Preview:
    base: str  # http://127.0.0.1:port, no slash at the end
    content: Path  # the copy's content folder, for the test to save into
    server: subprocess.Popen
    ports: dict
    cms_left: bool = False  # set when stopped: decap-server still listened


def listening_for_reloads(page):
    """Return once `page` (a page of the preview) listens for reloads: livereload reloads
    only the pages it knows of when a build ends, and a page tells it (its "info" message)
    right after the handshake that sets `protocol`. A save before that reloads nothing."""
    page.wait_for_function("() => window.LiveReload && window.LiveReload.connector.protocol")


@contextlib.contextmanager
def running_livereload(folder: Path):
    """Yield a `Preview` of `invoke livereload` run in a copy of the project under `folder`,
    once its first build is served; stop it as `kill` does on the way out."""
    project = folder / "project"
    for name in PROJECT:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    shutil.copytree(FIXTURE_CONTENT, project / "content")
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # decap-server, for /admin/
    ports = dict(zip(PORTS, free_ports(len(PORTS)), strict=True))
    with (folder / "livereload.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload"],
            cwd=project,
            env={**os.environ, **{name: str(port) for name, port in ports.items()}},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{ports['PREVIEW_PORT']}"
        preview = Preview(base, project / "content", server, ports)
        try:
            wait_until_served(preview.base + "/", server, seconds=120)
            yield preview
        finally:
            # Not SIGINT: a pytest-xdist worker ignores it, and so do the processes it starts.
            # To the preview alone, as `kill` sends it; then to anything it left behind.
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)  # raises if `kill` did not stop it
                preview.cms_left = port_taken(ports["CMS_SERVER_PORT"])
            finally:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(server.pid, signal.SIGKILL)


def port_taken(port, seconds=10):
    """Whether something still listens on 127.0.0.1:`port` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_server(("127.0.0.1", port)).close()
            return False
        except OSError:
            time.sleep(0.2)
    return True


def free_ports(count):
    sockets = [socket.create_server(("127.0.0.1", 0)) for _ in range(count)]
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports
