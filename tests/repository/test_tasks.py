"""tasks.py, the one entry point: it loads with only the build's dependencies, as the
publish jobs install them (`uv run --no-default-groups`), and its preview shows a save."""

import gzip
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from pelican.settings import read_settings

from conftest import FIXTURE_CONTENT, ROOT, parse, require
from livereload_session import running_livereload

# What only the test and dev groups bring (pyproject.toml), by import name.
NOT_FOR_PUBLISHING = ["bs4", "html5lib", "playwright", "pypdf", "pytest", "matplotlib"]


def test_tasks_load_without_the_test_dependencies():
    hide = "; ".join(f"sys.modules[{name!r}] = None" for name in NOT_FOR_PUBLISHING)
    code = f"import sys; {hide}; import tasks"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_preview_shows_each_save(tmp_path):
    """`invoke livereload` rebuilds in one process, which keeps what it parsed and proofread
    of each file until the file changes (site_model.markdown.parsed, the proofreading's
    memos): a save, and a second one, must still show, and be proofread."""
    import tasks
    from site_model.proofreading import proofread

    require("hunspell", shutil.which("hunspell"), "apt-get install hunspell")

    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(FIXTURE_CONTENT, content)
    article = content / "articles" / "att-valja-coach.md"
    settings = read_settings(str(tasks.CONFIG["settings_dev"]), override={"PATH": str(content)})
    for saved in ("Första sparningen.", "Andra sparnigen."):
        article.write_text(article.read_text("utf-8") + f"\n{saved}\n", "utf-8")
        tasks.build_site(tasks.CONFIG["settings_dev"], output, content, tasks.PREVIEW_SETTINGS)
        text = parse(output, "/artiklar/att-valja-coach/").select_one(".prose").get_text()
        assert saved in text
    notes = [note.message for note in proofread(settings).notes if note.path.endswith(article.name)]
    assert any('"sparnigen"' in message for message in notes), notes


def indexed_texts(output):
    """The text of every page in the search index of `output`, as Pagefind stored it."""
    fragments = (output / "pagefind" / "fragment").glob("*.pf_fragment")
    return [gzip.decompress(file.read_bytes()).decode("utf-8") for file in fragments]


def test_the_preview_searches_each_save_without_the_reload_waiting_for_the_index(tmp_path):
    """The preview's pages are served before Pagefind is done (plugins/site_search): the
    search keeps the index of the save before until the new one replaces it, and an index
    outdated by a newer save is never published."""
    import tasks

    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(FIXTURE_CONTENT, content)
    article = content / "articles" / "att-valja-coach.md"
    text = article.read_text("utf-8")

    def save(word):
        article.write_text(text + f"\n{word} kom.\n", "utf-8")
        assert tasks.rebuild_preview(output, content)
        assert word in parse(output, "/artiklar/att-valja-coach/").select_one(".prose").text

    def index_done():
        deadline = time.monotonic() + 60
        while any(thread.name == "site-search-index" for thread in threading.enumerate()):
            assert time.monotonic() < deadline, "Pagefind still runs after a minute"
            time.sleep(0.1)
        return indexed_texts(output)

    save("Zebrakonsulten")
    assert any("Zebrakonsulten" in page for page in index_done())
    # The next save's page is served with the index there was, until its own is done ...
    save("Giraffkonsulten")
    assert (output / "pagefind" / "pagefind.js").is_file()
    assert len(indexed_texts(output)) > 1
    # ... which a save soon after stops: the last save's index is the one published.
    save("Okapikonsulten")
    pages = index_done()
    assert any("Okapikonsulten" in page for page in pages), "the last save is not searched"
    assert not any("Zebrakonsulten" in page or "Giraffkonsulten" in page for page in pages)
    assert len(pages) > 1  # the whole site, not only the page saved


def test_a_failed_preview_build_keeps_the_pages_and_says_on_each_what_failed(tmp_path):
    """/admin/ says "saved" whether or not the site builds: the preview must say it."""
    import tasks

    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(FIXTURE_CONTENT, content)
    article = content / "articles" / "att-valja-coach.md"
    good = article.read_text("utf-8")
    assert tasks.rebuild_preview(output, content)
    assert parse(output, "/").select_one("[role=alert]") is None

    line = len(good.splitlines()) + 2
    # A misspelling too: a note, not a mistake, so not in the banner.
    article.write_text(good + "\nSe [tjänsten](/tjanster/finns-inte/), sparnigen.\n", "utf-8")
    assert not tasks.rebuild_preview(output, content)
    for path in ("/", "/artiklar/att-valja-coach/", "/tjanster/teamcoaching/"):
        alert = parse(output, path).select_one("body > [role=alert]").get_text(" ", strip=True)
        assert alert.startswith("Bygget misslyckades."), alert
        assert f"att-valja-coach.md:{line}: länken /tjanster/finns-inte/ leder inte" in alert
        assert "sparnigen" not in alert
    assert "Se tjänsten" not in parse(output, "/artiklar/att-valja-coach/").get_text()

    article.write_text(good + "\nSe [mer](/tjanster/finns-inte-heller/).\n", "utf-8")
    assert not tasks.rebuild_preview(output, content)
    alerts = parse(output, "/kontakt/").select("[role=alert]")
    assert len(alerts) == 1  # the earlier banner replaced, not added to
    assert "/tjanster/finns-inte-heller/" in alerts[0].get_text()
    assert "/tjanster/finns-inte/ " not in alerts[0].get_text()

    article.write_text(good, "utf-8")
    assert tasks.rebuild_preview(output, content)
    assert parse(output, "/artiklar/att-valja-coach/").select_one("[role=alert]") is None


def test_a_pelican_warning_fails_every_preview_build_it_comes_back_in(tmp_path):
    """Pelican logs a message once a process, and `--fatal` fails a build only on a message
    logged: the same mistake saved again built green, its link left broken."""
    import tasks

    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(FIXTURE_CONTENT, content)
    article = content / "articles" / "att-valja-coach.md"
    good = article.read_text("utf-8")
    for _ in range(2):
        article.write_text(good + "\n[Se]({okand}sida)\n", "utf-8")  # not a placeholder
        assert not tasks.rebuild_preview(output, content)
        article.write_text(good, "utf-8")
        assert tasks.rebuild_preview(output, content)


def test_a_warning_after_a_build_is_only_a_warning(tmp_path):
    """`--fatal warnings` holds for the build: the preview's web server logs a 404 as a
    warning, and raised instead of answering it."""
    import logging

    import tasks

    tasks.build_site(tasks.CONFIG["settings_dev"], tmp_path / "output", FIXTURE_CONTENT)
    logging.getLogger("tornado.access").warning("404 GET /finns-inte/")


def test_a_first_preview_build_that_fails_still_shows_why(tmp_path):
    from tools.build_failed import show_failure

    show_failure(tmp_path / "output", ["content/pages/kontakt.md:3: 'title' saknas — skriv den"])
    alert = parse(tmp_path / "output", "/").select_one("[role=alert]").get_text(" ", strip=True)
    assert "content/pages/kontakt.md:3: 'title' saknas — skriv den" in alert


def test_livereload_shows_each_save_and_a_mistake_where_the_editor_looks(tmp_path):
    """`invoke livereload` itself: a save is served, a mistake puts its banner on the
    pages, and fixing it takes the banner away. (livereload calls a watched function with
    the changed files if it takes parameters.) Stopped as `kill` stops it, it stops the
    CMS's server it started too."""
    with running_livereload(tmp_path) as preview:
        url = preview.base + "/artiklar/att-valja-coach/"
        article = preview.content / "articles" / "att-valja-coach.md"
        good = article.read_text("utf-8")
        article.write_text(good + "\nEn ny mening.\n", "utf-8")
        served_when(url, lambda html: "En ny mening." in html, preview.server)
        article.write_text(good + "\nSe [tjänsten](/tjanster/finns-inte/).\n", "utf-8")
        served_when(url, lambda html: "/tjanster/finns-inte/ leder inte" in html, preview.server)
        article.write_text(good, "utf-8")
        served_when(url, lambda html: "data-build-failed" not in html, preview.server)
    assert not preview.cms_left, "decap-server kept running after the preview stopped"


def served_when(url, condition, server, seconds=120):
    """Return once the page at `url` meets `condition`; fail after `seconds`, or as soon as
    the server has exited."""
    deadline = time.monotonic() + seconds
    while server.poll() is None and time.monotonic() < deadline:
        with urllib.request.urlopen(url, timeout=5) as answer:
            if condition(answer.read().decode("utf-8")):
                return
        time.sleep(0.2)
    raise AssertionError(f"{url} never met the condition (server exit code {server.poll()})")


STOPPED_DURING_A_BUILD = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal
from pelican import signals
import tasks

def stop(pelican):
    os.kill(os.getpid(), getattr(signal, sys.argv[3]))

signals.initialized.connect(stop)
try:
    tasks.build_site(tasks.CONFIG["settings_dev"], sys.argv[1], sys.argv[2])
except KeyboardInterrupt:
    sys.exit(130)
"""


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"], ids=["ctrl-c", "kill"])
def test_ctrl_c_or_kill_during_a_build_stops_it_and_keeps_the_last_good_site(tmp_path, stop):
    """Pelican's main() turns a Ctrl+C into a warning (a RuntimeError with --fatal), and
    `invoke livereload` took a `kill` during a build for a failed build: both must stop
    `invoke build` and `invoke livereload`, with output/ as it was."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the last good build", "utf-8")
    code = [sys.executable, "-c", STOPPED_DURING_A_BUILD, str(output), str(FIXTURE_CONTENT), stop]
    result = subprocess.run(code, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 130, result.stderr[-2000:]
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text("utf-8") == "the last good build"
    assert not list(tmp_path.glob(".output-*"))  # no half-written build left behind
