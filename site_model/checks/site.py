"""Checks across all content: where each file ends up, and whether links reach their targets."""

import difflib
import os

from site_model.addresses import file_slug, saved_as
from site_model.kinds import content_kinds, own_kinds

from .body import heading_ids, links
from .file_names import exists_exactly, missing_file_fix
from .protocol import per_file
from .source import Problem


def slug_of(source, settings):
    # The file name is the slug (SLUGIFY_SOURCE = "basename").
    return file_slug(source.path.stem, settings)


def url_of(source, settings):
    if isinstance(source.meta.get("url"), str):
        return source.meta["url"]
    if source.is_draft:
        pattern = settings["DRAFT_URL" if source.kind == "article" else "DRAFT_PAGE_URL"]
        return pattern.format(slug=slug_of(source, settings))
    return content_kinds(settings)[source.kind].address(slug_of(source, settings))


def generated_lists(settings):
    """{address: "en listsida"} for the lists Pelican writes (/artiklar/, /tjanster/)."""
    kinds = content_kinds(settings).values()  # not LIST_PAGES: the checks may run first
    return {kind.list_page.url: "en listsida" for kind in kinds if kind.list_page}


@per_file
def check_url_and_save_as(source, site):
    """Yield (line, message) when `url` (where links point) and `save_as` (where the page is
    written) name different addresses: every link to the page would be broken."""
    url, save_as = source.meta.get("url"), source.meta.get("save_as")
    if url is None and save_as is None:
        return
    either = " — eller ta bort båda, så blir filnamnet adressen"
    if not isinstance(url, str):
        yield source.line_of("save_as"), "'save_as' behöver en 'url' med samma adress" + either
    elif save_as != (expected := saved_as(url)):
        yield (
            source.line_of("url"),
            f"'url: {url}' behöver 'save_as: {expected}' bredvid sig" + either,
        )


def check_address_clashes(site):
    """Problems for two files, or a file and a generated list, at the same address."""
    owners = generated_lists(site.settings)
    for source in site.sources:
        url = url_of(source, site.settings)
        if url in owners:
            line = source.line_of("url") if "url" in source.meta else 1
            message = (
                f"adressen /{url} används också av {owners[url]} — "
                "ge en av dem ett annat filnamn (eller en annan 'url')"
            )
            yield Problem(source.shown_as, line, message)
        else:
            owners[url] = source.shown_as


def check_same_slugs(site):
    """Problems for two files with one slug in one of Pelican's generators: Pelican takes
    them for translations of each other, and the build stops on its warning. Every kind but
    the articles is read as pages (PAGE_PATHS), so a case may not share a service's name."""
    seen = {}
    for source in site.sources:
        generator = "article" if source.kind == "article" else "page"
        key = (generator, slug_of(source, site.settings))
        if key in seen:
            yield Problem(
                source.shown_as,
                1,
                f"filnamnet '{source.path.stem}' används också av {seen[key].shown_as}, och "
                "två sidor kan inte ha samma filnamn — byt namn på den ena filen",
            )
        else:
            seen[key] = source


def check_links(site):
    """Problems for {filename}/{static} links to a file that does not exist, or to a
    heading id the file does not have."""
    # Paths as strings, normalised without touching the disk: one lookup per link.
    by_path = {os.path.abspath(source.path): source for source in site.sources}
    ids_by_path = {}  # heading ids, worked out once per file that links point into

    def ids_of(path):
        if path not in ids_by_path:
            ids_by_path[path] = heading_ids(by_path[path])
        return ids_by_path[path]

    for source in site.sources:
        for line, kind, target, anchor in links(source):
            base = site.content_root if target.startswith("/") else source.path.parent
            resolved = os.path.abspath(os.path.join(base, target.lstrip("/")))
            if resolved not in by_path and not exists_exactly(resolved):
                fix = missing_file_fix(resolved, site.settings)
                message = f"{{{kind}}}{target} finns inte{fix}"
            elif anchor and resolved in by_path and anchor not in ids_of(resolved):
                ids = ", ".join(f"#{i}" for i in sorted(ids_of(resolved)))
                message = (
                    f"{{{kind}}}{target} har ingen rubrik med id:t '#{anchor}' — "
                    f"använd någon av {ids}"
                )
            else:
                continue
            yield Problem(source.shown_as, line, message)


def check_named_pages(site):
    """Problems for a slug in `services:` (or another kind's field) that names no page of
    that kind."""
    settings, sources = site.settings, site.sources
    for folder, kind in own_kinds(settings).items():
        slugs = {slug_of(s, settings) for s in sources if s.kind == kind.name}
        for source in sources:
            for item, slug in enumerate(source.meta.get(folder) or []):
                if slug not in slugs:
                    close = difflib.get_close_matches(slug, slugs, n=1)
                    known = ", ".join(sorted(slugs))
                    fix = f"menade du '{close[0]}'?" if close else f"använd någon av {known}"
                    message = f"'{slug}' finns inte under {kind.label_plural} — {fix}"
                    yield Problem(source.shown_as, source.line_of(folder, item), message)


def check_authors(site):
    """Problems for an article whose `author:` is no coach's name (AUTHOR_PROFILES): its
    byline would link nowhere, and the coach's page would not list it."""
    kinds = content_kinds(site.settings)
    profiles = kinds.get(site.settings.get("AUTHOR_PROFILES") or "")
    if profiles is None:
        return
    names = {
        source.meta.get("title"): source for source in site.sources if source.kind == profiles.name
    }
    for source in site.sources:
        author = source.meta.get("author")
        if source.kind != "article" or not isinstance(author, str):
            continue
        line, profile = source.line_of("author"), names.get(author)
        where = f"under {profiles.label_plural} (content/{profiles.folder}/)"
        if profile is None:
            close = difflib.get_close_matches(author, [n for n in names if isinstance(n, str)], n=1)
            fix = (
                f"menade du '{close[0]}'?"
                if close
                else f"skriv namnet som i rubriken på en sida {where}, eller lägg till en sida där"
            )
            yield Problem(source.shown_as, line, f"'{author}' har ingen sida {where} — {fix}")
        elif profile.is_draft and not source.is_draft:
            yield Problem(
                source.shown_as,
                line,
                f"sidan om {author} ({profile.shown_as}) är ett utkast, så artikelns "
                "skribentrad kan inte länka dit — publicera sidan, eller gör artikeln till utkast",
            )


def check_site_pages(site):
    """Problems with a page the theme links from every page (SITE_PAGES, MENU): gone or a
    draft."""
    settings, sources = site.settings, site.sources
    addresses = {url_of(s, settings) for s in sources if not s.is_draft}
    for title, link in settings["MENU"]:
        if link not in addresses | set(generated_lists(settings)):
            yield Problem(
                "pelican.conf.py",
                1,
                f"MENU_LINKS länkar '{title}' till {link}, men ingen sida har den adressen — "
                "skriv sidans adress där (filnamnet, eller sidans 'url')",
            )
    by_path = {source.path.resolve(): source for source in sources}
    for role, path in settings["SITE_PAGES"].items():
        file = (site.content_root / path).resolve()
        source = by_path.get(file)
        if source is None:
            yield Problem(
                site.shown(file),
                1,
                f"sidan '{role}' saknas (SITE_PAGES i pelican.conf.py pekar på den här filen) — "
                "lägg tillbaka den, eller skriv dess nya filnamn i SITE_PAGES",
            )
        elif source.is_draft:
            yield Problem(
                source.shown_as,
                source.line_of("status"),
                f"sidan '{role}' länkas från varje sida och kan inte vara ett utkast — "
                "ta bort 'status: draft'",
            )
