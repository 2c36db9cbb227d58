"""Synthetic Swedish content: N articles shaped like the migrated one, on the fixture site.

Each article is the migrated article's text (six sections, bullet lists, about 1,400
words; its frozen copy in tests/fixtures/migration/, so that the benchmark measures the
same work whatever the editors write) under its own title and slug, linking to the next
article, to one of its sections and to a service, so that link checks and
cross-references cost what they would. The pages and services are the fixture site's.
"""

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIGRATED_ARTICLE = (
    ROOT / "tests/fixtures/migration/allt-du-behover-veta-om-coaching-och-mentorskap.md"
)
BASE_SITE = ROOT / "tests/fixtures/site"
TOPICS = ["Ledarskap", "Förändring", "Mentorskap", "Styrelsearbete", "Karriär", "Prestation"]
SERVICES = sorted(path.stem for path in (BASE_SITE / "services").glob("*.md"))


def migrated_body():
    text = MIGRATED_ARTICLE.read_text("utf-8").split("---", 2)[2]
    return re.sub(r"\n\[Läs mer[^\n]*\n\{: \.section-link \}\n", "\n", text)


def article(number, count, body):
    topic = TOPICS[number % len(TOPICS)]
    next_slug = f"artikel-{(number + 1) % count:04d}"  # the last links back to the first
    day = date(2020, 1, 1) + timedelta(days=number)
    return (
        "---\n"
        f"title: {topic} och coaching, del {number}\n"
        f"date: {day.isoformat()}\n"
        "author: Therése M. Sandberg\n"
        f"summary: Del {number} i en serie om {topic.lower()}, coaching och mentorskap.\n"
        f"services:\n  - {SERVICES[number % len(SERVICES)]}\n"
        "---\n"
        f"{body}\n"
        f"Läs vidare i [nästa del]({{filename}}{next_slug}.md), särskilt avsnittet "
        f"[om likheterna]({{filename}}{next_slug}.md#likheter-mellan-coaching-och-mentorskap), "
        f"eller om [tjänsten]({{filename}}../services/{SERVICES[number % len(SERVICES)]}.md).\n"
    )


def make_site(folder, count):
    """Write a content folder with `count` published articles, the fixture site's included."""
    content = Path(folder) / "content"
    shutil.copytree(BASE_SITE, content)
    # The migrated text's words (mentoring, facilitera, …) are known, as in content/.
    shutil.copyfile(ROOT / "content" / "ordlista.txt", content / "ordlista.txt")
    body = migrated_body()
    articles = list((content / "articles").glob("*.md"))
    generated = count - sum("status: draft" not in a.read_text("utf-8") for a in articles)
    for number in range(generated):
        (content / "articles" / f"artikel-{number:04d}.md").write_text(
            article(number, generated, body), "utf-8"
        )
    return content
