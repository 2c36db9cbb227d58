"""The editors' content as it will have grown: content/ with N distinct articles, ten services.

Issue 25 measured the site at 1, 30, 100 and 300 articles "the way the firm will grow": Swedish
articles with sections, lists, links to services and to each other, a photo in every third,
ten services. bench/content.py repeats one text on the fixture site, which is right for
timing a build but not for the real content's invariants (every article found by search, a
service's related articles, the article list by year). This one keeps the real content/
whole and adds to it, every article different:

- its sections, paragraphs and list items are drawn, by the article's number, from the
  sentences the editors wrote in content/ (so the words, their length and LIX are theirs);
- it tells one client's story, a company named for it alone, so each article has a word no
  other article has, as real ones do;
- it names one or two of the ten services and links to one, and to the article before it
  and to that article's first section;
- every third opens with a photo, a JPEG as a phone takes it.

    uv run python -m bench.grown_content 300 /tmp/grown     # writes /tmp/grown/content
"""

import argparse
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from site_model.checks.source import read_source
from site_model.markdown import heading_slug
from site_model.proofreading.readability import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SERVICE_COUNT = 10
NEW_SERVICES = {  # slug: title; the real content's four come first
    "teamcoaching": "Teamcoaching",
    "styrelsecoaching": "Styrelsecoaching",
    "karriarcoaching": "Karriärcoaching",
    "ledarskapsprogram": "Ledarskapsprogram",
    "mentorprogram": "Mentorprogram",
    "chefscoaching": "Chefscoaching",
}
TOPICS = [
    "ledarskap",
    "förändring",
    "mentorskap",
    "styrelsearbete",
    "karriären",
    "prestation",
    "motivation",
    "feedback",
    "ledningsgruppen",
    "kommunikation",
    "målsättning",
    "stress",
]
ANGLES = [
    "Fem frågor om {}",
    "Så börjar du med {}",
    "Vad vi lärt oss om {}",
    "Coaching och {}",
    "När {} står still",
    "Tre misstag kring {}",
    "Mentorns syn på {}",
    "{} i praktiken",
]
HEADINGS = [
    "Bakgrund",
    "Utmaningen",
    "Så arbetade vi",
    "Vad som förändrades",
    "Det här kan du göra",
    "Frågor att ställa sig",
    "Vanliga missförstånd",
    "Resultatet",
    "Nästa steg",
    "Att tänka på",
]
# Company names made of two parts, 25 × 12 = 300 distinct ones; past 300 a number follows.
PLACES = [
    "Norr",
    "Söder",
    "Väst",
    "Öster",
    "Berg",
    "Sjö",
    "Skog",
    "Dal",
    "Ström",
    "Fjäll",
    "Ängs",
    "Hav",
    "Lund",
    "Björk",
    "Ek",
    "Gran",
    "Sten",
    "Älv",
    "Myr",
    "Ljung",
    "Vik",
    "Holm",
    "Ås",
    "Hed",
    "Bäck",
]
TRADES = [
    "metall",
    "bygg",
    "data",
    "frakt",
    "kraft",
    "tryck",
    "vård",
    "mejeri",
    "konsult",
    "logistik",
    "textil",
    "plast",
]
ROLES = [
    "vd:n",
    "HR-chefen",
    "ekonomichefen",
    "produktionschefen",
    "försäljningschefen",
    "styrelseordföranden",
]


def real_prose(content):
    """The editors' sentences and list items: (sentences, items), from articles and services."""
    sentences, items = [], []
    for file in sorted([*content.glob("articles/*.md"), *content.glob("services/*.md")]):
        body = "\n".join(line for _, line in read_source(file, str(file), file.parent.name)[0].body)
        for block in re.split(r"\n\s*\n", body):
            block = block.strip()
            if block.startswith("- "):
                items += [line[2:].strip() for line in block.splitlines() if line.startswith("- ")]
            elif block and not block.startswith(("#", "!", "{", "[", "<", "|", ">")):
                sentences += [s for s in split_sentences(" ".join(block.split())) if len(s) > 40]
    return sentences, items


def company(number):
    name = PLACES[number % len(PLACES)] + TRADES[number // len(PLACES) % len(TRADES)]
    return name.capitalize() + (f" {number // 300 + 1}" if number >= 300 else "")


def paragraph(rng, sentences):
    return " ".join(rng.sample(sentences, rng.randint(2, 4)))


def article(number, services, prose, when):
    """The Markdown of article `number`: (slug, first heading, text)."""
    rng = random.Random(number)
    sentences, items = prose
    topic = TOPICS[number % len(TOPICS)]
    title = ANGLES[number // len(TOPICS) % len(ANGLES)].format(topic).capitalize()
    title += f" ({number + 1})"  # titles are unique, as the checks ask
    slug = f"artikel-{number + 1:04d}"
    named = rng.sample(sorted(services), rng.choice([1, 1, 2]))
    headings = rng.sample(HEADINGS, rng.randint(3, 5))
    client, role = company(number), rng.choice(ROLES)
    parts = [
        "---",
        f"title: {title}",
        f"date: {when.isoformat()}",
        "author: Therése M. Sandberg",
        f"summary: Om {topic} och hur {role} på {client} arbetade med det med en coach.",
        "services:",
        *(f"  - {service}" for service in named),
        "---",
        "",
    ]
    if number % 3 == 0:
        parts += [
            f"![{role.capitalize()} på {client} under ett samtal]"
            f"({{static}}../images/foto-{number + 1:04d}.jpg)",
            "",
        ]
    parts += [
        f"När {role} på {client} hörde av sig handlade det om {topic}. {paragraph(rng, sentences)}",
        "",
    ]
    for index, heading in enumerate(headings):
        parts += [f"## {heading}", "", paragraph(rng, sentences), ""]
        if index == 1:
            parts += [f"- {item}" for item in rng.sample(items, min(len(items), 3))] + [""]
        parts += [paragraph(rng, sentences), ""]
    parts += [
        f"Läs mer om [tjänsten {services[named[0]]}]({{filename}}../services/{named[0]}.md).",
        "",
    ]
    return slug, headings[0], parts


def link_previous(parts, previous):
    slug, heading = previous
    anchor = heading_slug(heading)
    return [
        *parts,
        f"Läs också [den förra artikeln]({{filename}}{slug}.md), särskilt "
        f"[avsnittet ”{heading}”]({{filename}}{slug}.md#{anchor}).",
        "",
    ]


def photo(path, number):
    """A 1600 × 1200 JPEG with some structure, as a phone takes it (the image pipeline's work)."""
    rng = random.Random(number)
    image = Image.new("RGB", (1600, 1200), tuple(rng.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(1600), rng.randrange(1200)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randrange(50, 400), y + rng.randrange(50, 400)), colour)
    image.save(path, quality=90)


def add_services(content, count):
    """Services up to `count`, after the editors' own, each in its own words: {slug: title}."""
    rng = random.Random(0)
    sentences, _ = real_prose(content)
    existing = {
        path.stem: read_source(path, str(path), "services")[0].meta["title"]
        for path in sorted(content.glob("services/*.md"))
    }
    for order, (slug, title) in enumerate(NEW_SERVICES.items(), start=len(existing) + 1):
        if len(existing) >= count:
            break
        (content / "services" / f"{slug}.md").write_text(
            f"---\ntitle: {title}\norder: {order}\n"
            f"summary: {title} för ledare och organisationer i förändring.\n---\n\n"
            f"{paragraph(rng, sentences)}\n\n{paragraph(rng, sentences)}\n",
            "utf-8",
        )
        existing[slug] = title
    return existing


def grow(folder, articles, services=SERVICE_COUNT):
    """Copy content/ to `folder`/content and grow it to `articles` published articles and
    `services` services. Returns the new content folder."""
    content = Path(folder) / "content"
    shutil.copytree(ROOT / "content", content)
    titles = add_services(content, services)
    prose = real_prose(content)
    have = len(list(content.glob("articles/*.md")))
    newest = date.today()
    previous = None
    for number in range(articles - have):
        when = newest - timedelta(days=7 * (articles - have - number))  # weekly, oldest first
        slug, first_heading, parts = article(number, titles, prose, when)
        if previous:
            parts = link_previous(parts, previous)
        if number % 3 == 0:
            photo(content / "images" / f"foto-{number + 1:04d}.jpg", number)
        (content / "articles" / f"{slug}.md").write_text("\n".join(parts), "utf-8")
        previous = slug, first_heading
    # The clients' names are right; an editor adds them to the word list (docs/editing.md).
    with (content / "ordlista.txt").open("a", encoding="utf-8") as words:
        words.writelines(f"{company(number)}\n" for number in range(articles - have))
    return content


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, help="published articles in all")
    parser.add_argument("folder", type=Path, help="where to write content/")
    parser.add_argument("--services", type=int, default=SERVICE_COUNT)
    arguments = parser.parse_args()
    print(grow(arguments.folder, arguments.articles, arguments.services))


if __name__ == "__main__":
    main()
