"""The one entry point for people and CI: `uv run invoke --list`."""

import atexit
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from invoke import task
from pelican import main as pelican_main
from pelican.log import FatalLogger, LimitFilter
from pelican.settings import get_settings_from_file, read_settings

from site_model.checks import check_content as find_content_problems
from site_model.checks import report
from site_model.proofreading import proofread
from site_model.proofreading.report import print_notes, summary_table
from tools.audit import markdown_table, missed_goals, run_audit
from tools.build_failed import show_failure
from tools.build_summary import (
    addresses_summary,
    append_step_summary,
    build_summary,
    facts_summary,
)
from tools.check_urls import check, is_fresh
from tools.form_sink import FormSink
from tools.new_content import new_content

ROOT = Path(__file__).parent
SITE = get_settings_from_file(str(ROOT / "pelican.conf.py"))  # the preview's host and ports
CONFIG = {
    "settings_dev": ROOT / "pelican.conf.py",
    "settings_publish": ROOT / "publishconf.py",
    "output": ROOT / "output",
    "host": SITE["PREVIEW_HOST"],
    "port": SITE["PREVIEW_PORT"],
    "sink_port": SITE["FORM_SINK_PORT"],
    "sink_log": ROOT / ".form-sink" / "submissions.jsonl",
    "cms_port": SITE["CMS_SERVER_PORT"],
    "cms_server": ROOT / "node_modules" / "decap-server" / "dist" / "index.js",
    "watched": ["content/**/*", "theme/**/*", "plugins/**/*.py", "*.py"],
}
STOPS = (signal.SIGINT, signal.SIGTERM)  # Ctrl+C, and `kill`


def build_site(settings_file, output=CONFIG["output"], content=None, settings=(), discard=None):
    """Build into a fresh folder and swap it in only if the build succeeds; `discard` removes
    the folder swapped out (by default at once)."""
    output = Path(output)
    staging = Path(tempfile.mkdtemp(prefix=".output-", dir=output.parent))
    arguments = [*([str(content)] if content else []), "-s", str(settings_file)]
    arguments += ["-o", str(staging), "--fatal", "warnings"]
    # Last: -e takes every argument after it.
    arguments += ["-e", *settings] if settings else []
    # Pelican logs each message once a process (pelican.log.LimitFilter), and `--fatal`
    # fails the build only on a message logged: in `invoke livereload`, a warning that had
    # failed one build let the next build with the same mistake through, broken link and
    # all. Each build starts with nothing logged.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    try:
        with interrupts_kept():
            pelican_main(arguments)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        # `--fatal warnings` sets a level on Pelican's logger class, which every logger made
        # since is: left set, the preview's web server (tornado) raised on logging a 404.
        FatalLogger.fatal_lvl = logging.CRITICAL + 1
    previous = output.with_name(output.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    (discard or shutil.rmtree)(previous, ignore_errors=True)


@contextmanager
def interrupts_kept():
    """Raise KeyboardInterrupt after the block if Ctrl+C or `kill` (SIGTERM) came during
    it. Pelican's main() logs a Ctrl+C as a warning, which `--fatal warnings` turns into a
    RuntimeError (or, without it, returns as if the build were done): `invoke livereload`
    took that for a failed build and went on, and Ctrl+C did not stop it. `kill` left a
    half-written build behind, or, under livereload, was taken for a failed build too.
    (invoke then exits with code 1, as on Ctrl+C.)"""
    main = threading.current_thread() is threading.main_thread()  # only it gets signals
    stops = [s for s in STOPS if signal.getsignal(s) is not signal.SIG_IGN]
    if not main or not stops:
        yield
        return
    interrupted = []

    def interrupt(signum, frame):
        interrupted.append(signum)
        raise KeyboardInterrupt

    previous = {stop: signal.signal(stop, interrupt) for stop in stops}
    try:
        yield
    except Exception:
        if not interrupted:
            raise
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
    if interrupted:
        raise KeyboardInterrupt


def stop_as_ctrl_c(signum, frame):
    raise KeyboardInterrupt


def port_in_use(port):
    return SystemExit(
        f"Port {port} on {CONFIG['host']} is in use: is another `invoke livereload` or "
        "`invoke serve` running? Stop it (Ctrl+C) and try again, or choose other ports: "
        "PREVIEW_PORT=8100 FORM_SINK_PORT=8101 CMS_SERVER_PORT=8181 uv run invoke livereload"
    )


def start_form_sink():
    try:
        sink = FormSink(
            CONFIG["sink_log"], SITE["CONTACT_FORM_FIELDS"], CONFIG["host"], CONFIG["sink_port"]
        ).start()
    except OSError as error:
        raise port_in_use(CONFIG["sink_port"]) from error
    print(f"Formuläret skickas till {sink.url} (sparas i {CONFIG['sink_log'].relative_to(ROOT)})")
    return sink


def start_cms_server():
    """decap-server on the working copy: /admin/ then edits content/ here, with no account."""
    node = shutil.which("node")
    if not (node and CONFIG["cms_server"].is_file()):
        print("CMS: decap-server är inte installerat, så /admin/ går inte att öppna; kör `npm ci`.")
        return
    try:  # decap-server would only log a busy port; say it as the form sink does
        socket.create_server((CONFIG["host"], CONFIG["cms_port"])).close()
    except OSError as error:
        raise port_in_use(CONFIG["cms_port"]) from error
    server = subprocess.Popen(
        [node, str(CONFIG["cms_server"])],
        env={
            **os.environ,
            "PORT": str(CONFIG["cms_port"]),
            "BIND_HOST": CONFIG["host"],
            "GIT_REPO_DIRECTORY": str(ROOT),
            "MODE": "fs",  # saves write the files here; no branch, no commit
            "LOG_LEVEL": "warn",
        },
    )
    atexit.register(server.terminate)
    print(
        f"CMS: {preview_url()}/admin/ redigerar filerna i content/ (Logga in: inget konto behövs)"
    )


def preview_url():
    return f"http://{CONFIG['host']}:{CONFIG['port']}"


@task
def build(c):
    """Build the development site into output/."""
    build_site(CONFIG["settings_dev"])


@task
def publish(c):
    """Build the production site (publishconf.py; needs SITEURL, CONTACT_FORM_ENDPOINT)."""
    build_site(CONFIG["settings_publish"])
    append_step_summary(build_summary(CONFIG["output"], os.environ.get("PREVIOUS_SITEMAP")))
    settings = read_settings(str(CONFIG["settings_publish"]))
    append_step_summary(facts_summary(settings))
    append_step_summary(summary_table(proofread(settings)))


@task
def clean(c):
    """Remove output/ and Pelican's cache."""
    for folder in (CONFIG["output"], ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


@task
def serve(c):
    """Serve output/ on 127.0.0.1:8000, with the local form sink on 8001."""
    start_form_sink()
    handler = partial(SimpleHTTPRequestHandler, directory=str(CONFIG["output"]))
    try:
        server = ThreadingHTTPServer((CONFIG["host"], CONFIG["port"]), handler)
    except OSError as error:
        raise port_in_use(CONFIG["port"]) from error
    print(f"Förhandsvisning: {preview_url()}/ (Ctrl+C avslutar)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


# What `invoke livereload` adds to pelican.conf.py (`-e NAME=json`): livereload injects an
# inline script, which the CSP rightly blocks, so the preview leaves the <meta> CSP out;
# builds, tests and production keep it. (Pelican's reader cache was measured here too, at
# 300 articles: no faster in the running process, docs/performance.md.) Each build is
# also told the folder it will be served from and what changed since the last good build
# (PREVIEW_SERVED, PREVIEW_CHANGED): the search index is made after the pages
# (plugins/site_search) and a save of articles renders only their pages
# (plugins/preview_reuse), so the reload waits for neither.
PREVIEW_SETTINGS = ["CSP_IN_META=false"]
LAST_GOOD = {}  # output folder: the state of the sources at its last good build
NOT_SOURCES = {".pyc"}


def source_state(content):
    """{path: (mtime in ns, size)} of every file a preview build reads: the content, the
    theme, the plugins and the site model, the settings."""
    folders = [Path(content), ROOT / "theme", ROOT / "plugins", ROOT / "site_model"]
    files = [file for folder in folders for file in folder.rglob("*") if file.is_file()]
    files += ROOT.glob("*.py")
    return {
        os.path.abspath(file): (stat.st_mtime_ns, stat.st_size)
        for file in files
        if file.suffix not in NOT_SOURCES
        for stat in [file.stat()]
    }


def changed_content(before, now, content):
    """The content files modified from state `before` to `now`; None when that is not all
    that changed (a file added or removed, the theme, a plugin) or there is no `before`."""
    if before is None or before.keys() != now.keys():
        return None
    changed = [path for path, state in now.items() if before[path] != state]
    inside = os.path.join(os.path.abspath(content), "")
    return changed if all(path.startswith(inside) for path in changed) else None


def in_background(folder, ignore_errors):
    """Remove the preview's last site after the reload (0.1 s at 300 articles); a build
    that comes before it is gone removes it first (build_site)."""
    threading.Thread(target=shutil.rmtree, args=(folder, ignore_errors), daemon=True).start()


def rebuild_preview(output=CONFIG["output"], content=None):
    """One build of `invoke livereload`; False when it failed. Then the pages of the last
    good build stay, each with a banner that says what failed (tools/build_failed.py): the
    editor sees it in the preview, where they look, and not only in the terminal, while
    /admin/ says "saved" either way."""
    served, content_folder = os.path.abspath(output), content or ROOT / "content"
    now = source_state(content_folder)
    changed = changed_content(LAST_GOOD.pop(served, None), now, content_folder)
    told = [f"PREVIEW_SERVED={json.dumps(served)}", f"PREVIEW_CHANGED={json.dumps(changed)}"]
    try:
        build_site(
            CONFIG["settings_dev"], output, content, [*PREVIEW_SETTINGS, *told], in_background
        )
        LAST_GOOD[served] = now
    except SystemExit as stop:  # the content checks' carries its problems (ContentProblems)
        print(
            "Bygget misslyckades; förhandsvisningen visar det senaste lyckade bygget.",
            file=sys.stderr,
        )
        show_failure(Path(output), [str(problem) for problem in getattr(stop, "problems", [])])
        return False
    return True


@task
def livereload(c):
    """Build, serve on 127.0.0.1:8000 and reload the browser on every change; /admin/ too."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from livereload.watcher import Watcher
    from tornado.ioloop import PeriodicCallback

    class QuickWatcher(Watcher):
        """livereload's own watcher, polled every 0.1 s, not 0.8 s: a save waited 0.4 s on
        average before its build began. A poll looks at every watched file's mtime, 6 ms
        at 300 articles. (A rebuild blocks the polls, so a burst of files is one build.)"""

        def start(self, callback):
            PeriodicCallback(callback, 100).start()
            return True

    # livereload drops a reload that comes within 3 s of the last one (to survive a burst
    # of changed files), so a quick second save showed a stale page.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    # `kill` (SIGTERM) ends the preview as Ctrl+C does, through Python's exit, where the
    # CMS's server is stopped (atexit): by default SIGTERM skipped that, and left it running.
    signal.signal(signal.SIGTERM, stop_as_ctrl_c)
    start_form_sink()
    start_cms_server()

    def rebuild():  # no parameters: livereload would pass the changed files to one
        rebuild_preview()

    rebuild()
    server = Server(watcher=QuickWatcher())
    for pattern in CONFIG["watched"]:
        server.watch(str(ROOT / pattern), rebuild)
    # open_url_delay=None: never try to open a browser (there may be no display).
    server.serve(
        host=CONFIG["host"], port=CONFIG["port"], root=str(CONFIG["output"]), open_url_delay=None
    )


@task(help={"content": "the content folder to check"})
def check_content(c, content="content"):
    """Check every content file without building: fast, for a pre-commit hook. Spelling and
    readability notes are shown too; only mistakes fail."""
    settings = read_settings(
        str(CONFIG["settings_dev"]), override={"PATH": str(Path(content).resolve())}
    )
    problems = find_content_problems(settings)
    if problems:
        report(problems, f"rätta {'det' if len(problems) == 1 else 'dem'} innan du gör en commit.")
        raise SystemExit(1)
    print_notes(proofread(settings))  # as the build: only once the content reads right
    print("content_checks: inga fel.")


@task(
    positional=["sitemap"],
    help={
        "sitemap": "the last deploy's sitemap.xml, a URL or a file",
        "output": "the built site to check (output/)",
        "content": "the content folder (content/)",
    },
)
def check_urls(c, sitemap, output=str(CONFIG["output"]), content="content"):
    """Fail if an address in the last deploy's sitemap is not built, redirected or gone."""
    sources = [content, ROOT / "theme", ROOT / "plugins", *ROOT.glob("*conf.py")]
    if not is_fresh(output, sources):
        build_site(CONFIG["settings_publish"], output, content)
    result = check(sitemap, output, content)
    append_step_summary(addresses_summary(result, output))
    if result.missing:
        raise SystemExit(1)


@task(
    positional=["kind", "title"],
    help={
        "kind": "article, service, coach or case",
        "title": "the title, quoted",
        "content": "folder",
    },
)
def new(c, kind, title, content="content"):
    """Start a draft: `invoke new article "Titel med åäö"` writes articles/titel-med-aao.md."""
    settings = read_settings(str(CONFIG["settings_dev"]))
    path = new_content(kind, title, ROOT / content, settings)
    print(f"Skapade {path} (status: draft). Fyll i 'summary' och texten.")


@task
def audit(c):
    """Lighthouse (mobile), median of 3, on four pages over https; see docs/quality.md."""

    def build_for(folder, siteurl):
        # The production build, for the https origin the audit serves it from.
        os.environ.setdefault("CONTACT_FORM_ENDPOINT", "https://formspree.io/f/audit")
        os.environ["SITEURL"] = siteurl
        arguments = ["-s", str(CONFIG["settings_publish"]), "-o", str(folder)]
        pelican_main([*arguments, "--fatal", "warnings"])

    scores = run_audit(build_for, ROOT / "test-artifacts" / "audit")
    print(markdown_table(scores))
    if missed := missed_goals(scores):
        raise SystemExit("Missed the goals of docs/quality.md:\n" + "\n".join(missed))


@task
def brand_images(c):
    """Draw apple-touch-icon.png and the share image from favicon.svg and site.css."""
    from tools.brand_images import SHARE_IMAGE, TOUCH_ICON, draw  # Playwright: dev only

    draw()
    print(f"Drew {TOUCH_ICON.relative_to(ROOT)} and {SHARE_IMAGE.relative_to(ROOT)}")


@task(help={"sizes": "article counts, comma-separated", "runs": "runs of each build per size"})
def bench(c, sizes="10,100,1000", runs=5):
    """Build performance against bare Pelican: `uv run --group bench invoke bench`."""
    from bench.report import write_report  # matplotlib: only in the bench group
    from bench.run import run_all

    run_all([int(size) for size in sizes.split(",")], int(runs))
    write_report()
    print("Wrote docs/performance.md, docs/performance.svg and docs/performance.json")


@task(help={"all_pages": "run the browser checks on every page, not a sample (nightly on CI)"})
def test(c, all_pages=False):
    """Lint with ruff, then run the whole test suite."""
    c.run("ruff check .", echo=True)
    c.run("ruff format --check .", echo=True)
    env = {"PYTHONUTF8": "1", **({"EPM_ALL_PAGES": "1"} if all_pages else {})}
    # One worker a core (pytest-xdist), a module's tests on one worker so that its fixtures
    # are made once; the sites are built once per worker.
    c.run("pytest -n auto --dist loadscope", echo=True, env=env)  # added to the environment
