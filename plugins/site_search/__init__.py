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
articles would add 10 s to every build. Of what Pagefind writes, only what the search
page loads is published (KEPT): not its ready-made interfaces, which we do not use.
"""

import logging
import shutil
import subprocess
import sys
import tempfile
import time
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
CONTEXT = {}  # the build's shared context, kept until the pages are written


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
    once all pages are written, when every plugin has had its say (plugins/content_kinds)."""
    kinds = content_kinds(context)
    by_folder = {kind.folder: kind for kind in kinds.values()}
    listed = [(page, kinds["article"]) for page in context["articles"]]
    listed += [(page, kinds["page"]) for page in context["pages"]]
    for folder, pages in context.get("kind_pages", {}).items():
        listed += [(page, by_folder[folder]) for page in pages]
    language = context["DEFAULT_LANG"]
    return [record(page, kind, language) for page, kind in listed if is_indexed(page)]


def write_index(found, output):
    """Index `found` with Pagefind into output/pagefind/, then drop what is not loaded."""
    bundle = Path(output) / FOLDER
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory() as pages:
        for url, html in found:
            file = Path(pages) / saved_as(url)
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(html, "utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", pages, "--output-path", bundle]
        subprocess.run([*map(str, command), "--silent"], check=True)
    kept = {bundle / name for name in KEPT}
    kept |= {file for pattern in KEPT_PATTERNS for file in bundle.glob(pattern)}
    kept -= set(bundle.glob("wasm.unknown.pagefind"))  # pages without a language: none
    for file in bundle.iterdir():
        if file not in kept:
            shutil.rmtree(file) if file.is_dir() else file.unlink()


def build_index(pelican):
    started = time.perf_counter()
    found = records(CONTEXT.pop("context"))
    if not found:  # Pagefind refuses an empty site; the search page then finds nothing
        shutil.rmtree(Path(pelican.output_path) / FOLDER, ignore_errors=True)
        logger.info("site_search: inga sidor att söka i")
        return
    write_index(found, pelican.output_path)
    seconds = time.perf_counter() - started
    logger.info("site_search: %d sidor i sökindexet (%.1f s)", len(found), seconds)


def register():
    logging.getLogger(__name__).setLevel(logging.INFO)
    signals.all_generators_finalized.connect(keep_context)
    signals.finalized.connect(build_index)
