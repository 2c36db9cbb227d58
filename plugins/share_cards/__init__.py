"""share_cards: every page's own link preview (Open Graph image), drawn at build time.

LinkedIn, where EPM's articles are shared, shows a link's image at 1.91:1 and takes JPEG,
PNG or GIF, not WebP, at least 1200 × 627. Each page gets a 1200 × 630 PNG in the theme's
colours: its kind (Artikel, Tjänst, …), its title, and EPM's name (card.py draws it).
An article that starts with a photo keeps the photo (plugins/content_images): in a feed a
real photo says more than its title on a card, and LinkedIn prints the title under the
image anyway. The lists (/artiklar/, /tjanster/, …) get cards too, by their address.

Cards are cached by content: the file name holds a hash of the title, the kind, the
card's design version and the font's bytes, so a retitled page gets a new card (and a
new address, which LinkedIn's cache cannot hide) and an unchanged one is never drawn again.
"""

import hashlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from site_model.contents import ARTICLES, PAGES, contents, listed_folders
from site_model.kinds import content_kinds
from site_model.theme import light_colours

from .card import DESIGN_VERSION, FONT, Style, draw

logger = logging.getLogger(__name__)
CACHE = Path(__file__).resolve().parents[2] / "cache" / "cards"  # beside cache/images
FOLDER = "delning"  # output/delning/<slug>-<hash>.png
FONT_HASH = hashlib.sha256(FONT.read_bytes()).hexdigest()


def style_of(settings):
    colours = light_colours(settings["THEME"])
    return Style(
        paper=colours["paper"],
        ink=colours["ink"],
        ink_soft=colours["ink-soft"],
        accent=colours["accent"],
        short_name=settings["SITE_SHORTNAME"],
        full_name=settings["SITE_FULLNAME"],
    )


def card_name(slug, kind_label, title, style):
    """delning/<slug>-<hash>.png: the hash of everything the card is drawn from."""
    drawn_from = f"{DESIGN_VERSION}\n{FONT_HASH}\n{style}\n{kind_label}\n{title}"
    key = hashlib.sha256(drawn_from.encode()).hexdigest()[:10]
    return f"{FOLDER}/{slug or 'start'}-{key}.png"


def made(name, kind_label, title, style, cache, stats):
    """The cached card's path, drawn first if it is not in the cache."""
    cached = cache / Path(name).name
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        # Written under a name of its own, then renamed: never a half-written card, even
        # with two builds at once (livereload and a test).
        with tempfile.NamedTemporaryFile(dir=cache, suffix=".png", delete=False) as file:
            draw(kind_label, title, style).save(file, "PNG")
        os.replace(file.name, cached)
        stats["drawn"] += 1
    else:
        stats["cached"] += 1
    return cached


def text_of(title):
    return Markup(title).unescape()  # titles are escaped (plugins/plain_text)


def make_cards(generators):
    context = generators[0].context
    settings = generators[0].settings
    cache = Path(settings.get("SHARE_CARDS_CACHE") or CACHE)
    output = Path(generators[0].output_path)
    kinds = content_kinds(context)
    by_folder = {kind.folder: kind for kind in kinds.values()}
    started, stats, cards = time.perf_counter(), {"drawn": 0, "cached": 0}, {}
    style = style_of(settings)

    def card(slug, label, title):
        name = card_name(slug, label, title, style)
        cards[name] = made(name, label, title, style, cache, stats)
        return {"path": name, "alt": f"{label}: {title}" if label else title}

    for content in contents(context, ARTICLES + PAGES):
        kind = by_folder[Path(content.relative_source_path).parts[0]]
        if not content.save_as or getattr(content, "og_image", None):
            continue  # not written (a draft in production), or a leading photo (content_images)
        # A page's card has its eyebrow, if any ("Ledarkvaliteter"), not "Sida".
        label = content.metadata.get("eyebrow", "") if kind.name == "page" else kind.label
        content.share_card = card(content.slug, label, text_of(content.title))
    listed = listed_folders(context)
    context["list_cards"] = {
        kind.list_page.url: card(kind.list_page.url.strip("/"), "", kind.list_page.title)
        for kind in kinds.values()
        if kind.list_page and kind.folder in listed  # its list is written (content_kinds)
    }
    for name, cached in cards.items():
        publish(cached, output / name)
    seconds = time.perf_counter() - started
    logger.info(
        "share_cards: %d delningsbilder ritade, %d från cachen (%.1f s)",
        stats["drawn"],
        stats["cached"],
        seconds,
    )


def publish(cached, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        return
    try:
        os.link(cached, target)  # same disk: no copy at all
    except OSError:
        shutil.copyfile(cached, target)


def register():
    logging.getLogger(__name__).setLevel(logging.INFO)
    signals.all_generators_finalized.connect(make_cards)
