"""Checks across all content: where each file ends up, and whether links reach their targets."""

import os

from pelican.utils import slugify

from .body import heading_ids, links


def slug_of(source, settings):
    # The file name is the slug (SLUGIFY_SOURCE = "basename").
    return slugify(source.path.stem, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))


# (kind, is a draft) -> the setting that gives its URL
URL_SETTINGS = {
    ("article", False): "ARTICLE_URL",
    ("article", True): "DRAFT_URL",
    ("service", False): "SERVICE_URL",
    ("service", True): "DRAFT_PAGE_URL",
    ("page", False): "PAGE_URL",
    ("page", True): "DRAFT_PAGE_URL",
}


def url_of(source, settings):
    if isinstance(source.meta.get("url"), str):
        return source.meta["url"]
    setting = URL_SETTINGS[source.kind, source.is_draft]
    return settings[setting].format(slug=slug_of(source, settings))


def check_site(sources, settings, content_root):
    """Yield (source, line, message) for clashes and broken links between files."""
    owners = {
        settings.get(f"{name.upper()}_URL", f"{name}.html"): "a generated list"
        for name in settings["DIRECT_TEMPLATES"]
    }
    for source in sources:
        url = url_of(source, settings)
        if url in owners:
            line = source.line_of("url") if "url" in source.meta else 1
            yield (
                source,
                line,
                (
                    f"address /{url} is also used by {owners[url]} — "
                    "give one of them another file name (or 'url')"
                ),
            )
        else:
            owners[url] = source.shown_as

    # Paths as strings, normalised without touching the disk: one lookup per link.
    by_path = {os.path.abspath(source.path): source for source in sources}
    ids_by_path = {}  # heading ids, worked out once per file that links point into

    def ids_of(path):
        if path not in ids_by_path:
            ids_by_path[path] = heading_ids(by_path[path])
        return ids_by_path[path]

    service_slugs = {slug_of(s, settings) for s in sources if s.kind == "service"}
    for source in sources:
        for slug in source.meta.get("services") or []:
            if slug not in service_slugs:
                yield (
                    source,
                    source.line_of("services"),
                    (f"no service '{slug}' — use one of {', '.join(sorted(service_slugs))}"),
                )
        for line, kind, target, anchor in links(source):
            base = content_root if target.startswith("/") else source.path.parent
            resolved = os.path.abspath(os.path.join(base, target.lstrip("/")))
            if resolved not in by_path and not os.path.isfile(resolved):
                yield (
                    source,
                    line,
                    f"{{{kind}}}{target} does not exist — check the path and the file name",
                )
            elif anchor and resolved in by_path and anchor not in ids_of(resolved):
                ids = ", ".join(f"#{i}" for i in sorted(ids_of(resolved)))
                yield source, line, f"{{{kind}}}{target} has no '#{anchor}' — use one of {ids}"
