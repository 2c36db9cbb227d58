"""site_search: the site's search index, built with Pagefind (from PyPI) into
output/pagefind/, which the search page (/sok/, theme/templates/search.html) queries in
the reader's browser.

Pagefind is given each page's reading content only (its title, summary and text), not
the built page, so that navigation, footers, related-content boxes and contact blocks
are never in the index, and no reader's page carries any markup for the search. What
is indexed: the published, listed articles and pages of every kind, but not drafts,
hidden or `robots: noindex` pages (the 404, the thank-you page), the start page (teasers
of the others) or the search page itself; /admin/ and the redirect pages are not
content. Each record is a small HTML document in the site's language, so Pagefind
applies its Swedish stemming ("samtalet" finds "samtal") and weighs the <h1> above the
text; its `kind` (Artikel, Tjänst, …) is shown with each result.

The records are written to a temporary folder and indexed by Pagefind's command line
(`python -m pagefind`): its Python API answers each call after about 0.1 s, which at 100
articles would add 10 s to every build. Pagefind starts as soon as every page's text is
final and none is written yet (Pelican's get_writer signal), and indexes on the second
core while Pelican writes the pages; the bundle is moved into output/pagefind/ when the
build is done. The preview (`invoke livereload`) does not wait for it: with
PREVIEW_SERVED set to the folder it serves, Pagefind starts once the pages are
written, and its bundle replaces the served one when it is done; until then the preview
searches the index of the save before. (Pagefind uses both cores: at 300 articles the
preview wrote its pages in 1.7 s with Pagefind beside it, in 0.9 s without.)
Of what Pagefind writes, only what the search page loads is published
(KEPT): not its ready-made interfaces, which we do not use.
"""

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from site_model.addresses import saved_as
from site_model.kinds import content_kinds

logger = logging.getLogger(__name__)
FOLDER = "pagefind"  # output/pagefind/: the index and Pagefind's own script
NOT_INDEXED_TEMPLATES = {"start", "search"}  # teasers of other pages; the search itself
# The index, the fragments, the script and its worker, and the Swedish search engine.
KEPT = ("index", "fragment", "pagefind-entry.json", "pagefind.js", "pagefind-worker.js")
KEPT_PATTERNS = ("*.pf_meta", "wasm.*.pagefind")
CONTEXT = {}  # the build's shared context, kept until the pages' text is final
# From get_writer until finalized: "indexing", the build's Indexing; or the preview's "later",
# its context (indexed once the pages are written).
RUNNING = {}
# The preview's index in the making (publish_later): the newest build's ticket, its Indexing.
LATER = {"lock": threading.Lock(), "ticket": None, "indexing": None}


def is_indexed(content):
    return (
        "noindex" not in str(content.metadata.get("robots", ""))
        and content.template not in NOT_INDEXED_TEMPLATES
    )


def record(content, kind, language):
    """The reading content of a page as the HTML document Pagefind indexes."""
    html = Markup(
        '<html lang="{lang}"><body><main data-pagefind-body data-pagefind-meta="kind:{kind}">'
        "<h1>{title}</h1><p>{summary}</p>{text}</main></body></html>"
    ).format(
        lang=language,
        kind=kind.label,
        title=content.title,  # escaped already (plugins/plain_text)
        summary=content.summary,
        text=Markup(content.content),
    )
    return content.url, str(html)


def keep_context(generators):
    CONTEXT["context"] = generators[0].context


def records(context):
    """(url, html) of every listed page (articles, pages and each kind's) to index. Read
    when every plugin has had its say (plugins/content_kinds), before any page is written."""
    kinds = content_kinds(context)
    by_folder = {kind.folder: kind for kind in kinds.values()}
    listed = [(page, kinds["article"]) for page in context["articles"]]
    listed += [(page, kinds["page"]) for page in context["pages"]]
    for folder, pages in context.get("kind_pages", {}).items():
        listed += [(page, by_folder[folder]) for page in pages]
    language = context["DEFAULT_LANG"]
    return [record(page, kind, language) for page, kind in listed if is_indexed(page)]


class Indexing:
    """Pagefind indexing the records `found` [(url, html)] in a process of its own, into a
    temporary folder; `into(output)` waits for it and publishes the bundle. `in_background`:
    at the lowest CPU priority (nice 19, where there is `nice`), as the preview's index."""

    def __init__(self, found, in_background=False):
        self.started = time.perf_counter()
        self.pages = len(found)
        self.folder = Path(tempfile.mkdtemp(prefix="site-search-"))
        site = self.folder / "records"
        for url, html in found:
            file = site / saved_as(url)
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(html, "utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", site, "--output-path"]
        if in_background and (nice := shutil.which("nice")):
            command = [nice, "-n", "19", *command]
        self.process = subprocess.Popen([*map(str, command), self.folder / FOLDER, "--silent"])
        # Stopped and removed however the build ends: at cancel(), or when Python exits
        # after a later plugin stopped the build.
        self.cancel = weakref.finalize(self, _stop, self.process, self.folder)

    def into(self, output, still_wanted=lambda: True):
        """Wait for Pagefind, then move what the search page loads to output/pagefind/
        (unless `still_wanted()` says no by then). CalledProcessError when Pagefind failed."""
        try:
            if self.process.wait():
                raise subprocess.CalledProcessError(self.process.returncode, self.process.args)
            if not still_wanted():
                return
            bundle = self.folder / FOLDER
            kept = {bundle / name for name in KEPT}
            kept |= {file for pattern in KEPT_PATTERNS for file in bundle.glob(pattern)}
            kept -= set(bundle.glob("wasm.unknown.pagefind"))  # pages without a language: none
            for file in bundle.iterdir():
                if file not in kept:
                    shutil.rmtree(file) if file.is_dir() else file.unlink()
            shutil.rmtree(Path(output) / FOLDER, ignore_errors=True)
            shutil.move(bundle, Path(output) / FOLDER)
        finally:
            self.cancel()
        seconds = time.perf_counter() - self.started
        logger.info("site_search: %d sidor i sökindexet (%.1f s)", self.pages, seconds)


def _stop(process, folder):
    """Stop Pagefind if it still runs (a build that failed) and remove its folder."""
    if process.poll() is None:
        process.kill()
        process.wait()
    shutil.rmtree(folder, ignore_errors=True)


def start_index(pelican):
    """Start Pagefind on the records of the build (at get_writer: every page's text final)."""
    if earlier := RUNNING.pop("indexing", None):  # left by a build that failed
        earlier.cancel()
    context = CONTEXT.pop("context")
    if pelican.settings.get("PREVIEW_SERVED"):
        RUNNING["later"] = context  # read and indexed when the pages are written
    elif found := records(context):
        RUNNING["indexing"] = Indexing(found)


def publish_later(context, served, output):
    """The preview's index: `output` (the build, not served yet) gets the `served` folder's
    bundle, linked, and in a thread of its own the build's `context` is read (0.1 s at 300
    articles) and indexed; the new bundle replaces the served one when done, unless a newer
    build's has been asked for by then."""
    ticket = object()
    with LATER["lock"]:
        shutil.rmtree(Path(output) / FOLDER, ignore_errors=True)
        if (Path(served) / FOLDER).is_dir():
            shutil.copytree(Path(served) / FOLDER, Path(output) / FOLDER, copy_function=os.link)
        LATER["ticket"] = ticket

    def newest():
        return LATER["ticket"] is ticket

    def index():
        found = records(context)
        if not found:  # Pagefind refuses an empty site; the search then finds nothing
            with LATER["lock"]:
                if newest():
                    shutil.rmtree(Path(served) / FOLDER, ignore_errors=True)
            return
        # Behind the browser's reload of the new pages and the next save's build, which
        # Pagefind's two cores slowed down.
        indexing = Indexing(found, in_background=True)
        with LATER["lock"]:
            if not newest():
                return indexing.cancel()
            LATER["indexing"] = indexing
        indexing.process.wait()  # without the lock: a newer build may stop it
        with LATER["lock"]:
            try:
                indexing.into(served, newest)
            except subprocess.CalledProcessError as failed:
                if newest() and failed.returncode > 0:  # not stopped (a newer build, Ctrl+C)
                    # Not logged: Pelican's --fatal would raise it here, after the build.
                    print(
                        f"site_search: Pagefind misslyckades ({failed.returncode}); "
                        "sökningen visar ett äldre index",
                        file=sys.stderr,
                    )

    threading.Thread(target=index, name="site-search-index", daemon=True).start()


def stop_outdated_index(pelican):
    """The preview's: a build stops the index of the build before, if Pagefind still runs:
    it would be outdated when done, and slow this build down on the same two cores."""
    with LATER["lock"]:
        if LATER["indexing"]:
            LATER["indexing"].cancel()
        LATER.update(ticket=None, indexing=None)


def finish_index(pelican):
    if (served := pelican.settings.get("PREVIEW_SERVED")) is not None:
        publish_later(RUNNING.pop("later"), served, pelican.output_path)
    elif indexing := RUNNING.pop("indexing", None):
        indexing.into(pelican.output_path)
    else:  # Pagefind refuses an empty site; the search page then finds nothing
        shutil.rmtree(Path(pelican.output_path) / FOLDER, ignore_errors=True)
        logger.info("site_search: inga sidor att söka i")


def register():
    logging.getLogger(__name__).setLevel(logging.INFO)
    signals.initialized.connect(stop_outdated_index)
    signals.all_generators_finalized.connect(keep_context)
    signals.get_writer.connect(start_index)
    signals.finalized.connect(finish_index)
