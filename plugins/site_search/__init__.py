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
build is done. Of what Pagefind writes, only what the search page loads is published
(KEPT): not its ready-made interfaces, which we do not use.
"""

import logging
import shutil
import subprocess
import sys
import tempfile
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
RUNNING = {}  # "indexing": the build's Indexing, from get_writer until finalized


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
    temporary folder; `into(output)` waits for it and publishes the bundle."""

    def __init__(self, found):
        self.started = time.perf_counter()
        self.pages = len(found)
        self.folder = Path(tempfile.mkdtemp(prefix="site-search-"))
        site = self.folder / "records"
        for url, html in found:
            file = site / saved_as(url)
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(html, "utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", site, "--output-path"]
        self.process = subprocess.Popen([*map(str, command), self.folder / FOLDER, "--silent"])
        # Stopped and removed however the build ends: at cancel(), or when Python exits
        # after a later plugin stopped the build.
        self.cancel = weakref.finalize(self, _stop, self.process, self.folder)

    def into(self, output):
        """Wait for Pagefind, then move what the search page loads to output/pagefind/.
        CalledProcessError when Pagefind failed."""
        try:
            if self.process.wait():
                raise subprocess.CalledProcessError(self.process.returncode, self.process.args)
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
    if found := records(CONTEXT.pop("context")):
        RUNNING["indexing"] = Indexing(found)


def finish_index(pelican):
    if indexing := RUNNING.pop("indexing", None):
        indexing.into(pelican.output_path)
    else:  # Pagefind refuses an empty site; the search page then finds nothing
        shutil.rmtree(Path(pelican.output_path) / FOLDER, ignore_errors=True)
        logger.info("site_search: inga sidor att söka i")


def register():
    logging.getLogger(__name__).setLevel(logging.INFO)
    signals.all_generators_finalized.connect(keep_context)
    signals.get_writer.connect(start_index)
    signals.finalized.connect(finish_index)
