"""admin: the editors' browser CMS (Decap CMS) at /admin/, for editors, not readers.

The page, its configuration (made from the content schema, cms_config.py) and the CMS
script, copied from the npm package pinned in package-lock.json, never from a CDN. The
page carries its own Content-Security-Policy, looser than the reader pages' (the CMS
needs it) and only here; `noindex`; and nothing a reader loads links to it. Templates get
ADMIN_CSP_HEADER for the `/admin/*` block of `_headers`.
"""

import logging
import os
import shutil
from functools import partial
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pelican import signals
from pelican.generators import Generator

from site_model.csp import meta_policy, policy

from .cms_config import cms_config

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
FOLDER = "admin"
SCRIPT = "decap-cms.js"  # the bundle; it loads its chunks (*.decap-cms.js) from beside it
CHUNKS = "*.decap-cms.js"
# What the preview pane (admin.js) renders a text with: the site's Markdown, and DOMPurify,
# from the npm packages that package-lock.json pins, in the order the page loads them.
PREVIEW_SCRIPTS = [
    "markdown-it/dist/markdown-it.min.js",
    "markdown-it-footnote/dist/markdown-it-footnote.min.js",
    "markdown-it-task-lists/dist/markdown-it-task-lists.min.js",
    "dompurify/dist/purify.min.js",
]
OWN_FILES = ["admin.js"]  # what the page adds to the CMS (the preview: style, Markdown)
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"
log = logging.getLogger(__name__)


def directives(settings):
    """What the CMS needs, and why, beyond the reader pages' `default-src 'none'`."""
    backend = f" {settings['CMS_LOCAL_BACKEND']}" if settings["CMS_LOCAL_BACKEND"] else ""
    return {
        "default-src": "'none'",
        # Decap validates its configuration with ajv, which compiles each schema with
        # new Function(): without 'unsafe-eval' the CMS stops at "Error loading the CMS
        # configuration". No inline script, and scripts only from this site.
        "script-src": "'self' 'unsafe-eval'",
        # React and its CSS-in-JS write <style> elements and style attributes at run time.
        "style-src": "'self' 'unsafe-inline'",
        # Photos in the media library and uploads are shown from memory (blob:); the
        # signed-in editor's GitHub picture.
        "img-src": f"'self' blob: {GITHUB_AVATARS}",
        # Reading and writing the repository: GitHub's API (or decap-server in a preview);
        # an upload is read back from memory (blob:) before it is sent.
        "connect-src": f"'self' blob: {GITHUB_API}{backend}",
        "base-uri": "'self'",
        "form-action": "'none'",
        "frame-ancestors": "'none'",
    }


def set_policy(generator):
    generator.context["ADMIN_CSP_HEADER"] = policy(directives(generator.settings))


def cms_package(settings):
    """The CMS's folder in node_modules, or None in a preview made without `npm ci`."""
    package = ROOT / settings["CMS_PACKAGE"]
    if (package / SCRIPT).is_file():
        return package
    # The README's first command needs only uv: a preview goes on without /admin/.
    # The published site must have it.
    if not settings["PRODUCTION"]:
        log.info("admin: /admin/ finns inte i den här förhandsvisningen — kör `npm ci` för CMS:et")
        return None
    raise SystemExit(
        f"admin: {package / SCRIPT} is missing — run `npm ci` (it installs the CMS "
        "that package-lock.json pins), then build again"
    )


def write_admin(output_path, settings):
    if (package := cms_package(settings)) is None:
        return
    folder = Path(output_path) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    place = partial(_place, link=settings.get("JS_MIN", True) is False)
    for script in [package / SCRIPT, *sorted(package.glob(CHUNKS))]:
        place(script, folder / script.name)
    for script in PREVIEW_SCRIPTS:
        place(ROOT / "node_modules" / script, folder / Path(script).name)
    for name in OWN_FILES:
        place(HERE / name, folder / name)
    config = cms_config(settings)
    # libyaml's emitter where PyYAML has it: the same text as safe_dump's, 7 ms against 30.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(config, Dumper=dumper, allow_unicode=True, sort_keys=False)
    (folder / "config.yml").write_text(text, "utf-8")
    meta = meta_policy(directives(settings))
    environment = Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape())
    page = environment.get_template("index.html").render(
        CSP_META=meta,
        THEME_URL=f"{settings['SITEURL']}/{settings['THEME_STATIC_DIR']}",
        DEFAULT_LANG=settings["DEFAULT_LANG"],
        SITE_SHORTNAME=settings["SITE_SHORTNAME"],
        PREVIEW_SCRIPTS=[Path(script).name for script in PREVIEW_SCRIPTS],
    )
    (folder / "index.html").write_text(page, "utf-8")
    files = list(folder.iterdir())
    size = sum(file.stat().st_size for file in files) / 1e6
    # The size of /admin/ is part of every build's report.
    log.info("admin: /%s/ is %.1f MB in %d files, loaded by editors only", FOLDER, size, len(files))


def _place(source, target, link):
    """One script of the CMS's 6 MB, hard-linked when `link` (not copied: 70–120 ms of a
    preview save, and of each of the tests' builds). Safe only while nothing rewrites a
    script in place: pelican-minify does so with JS_MIN, and then write_admin copies."""
    target.unlink(missing_ok=True)  # a build into the last one's folder: maybe a link
    if link:
        try:
            os.link(source, target)
            return
        except OSError:  # another disk
            pass
    shutil.copyfile(source, target)


class AdminGenerator(Generator):
    """Writes /admin/ with the rest of the output, before `finalized`, where
    pelican-minify minifies every page whatever the order of the plugins."""

    def generate_output(self, writer):
        write_admin(self.output_path, self.settings)


def get_generators(pelican):
    return AdminGenerator


def register():
    log.setLevel(logging.INFO)  # shown without `pelican -v`, as Pelican's own summary is
    signals.generator_init.connect(set_policy)
    signals.get_generators.connect(get_generators)
