"""Synthetic Swedish content: N articles shaped like the real one, plus the real pages.

Each article is the real article's text (six sections, bullet lists, about 1,400 words)
under its own title and slug, linking to the next article, to one of its sections and
to a service, so that link checks and cross-references cost what they would.
"""

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_ARTICLE = ROOT / "content/articles/allt-du-behover-veta-om-coaching-och-mentorskap.md"
TOPICS = ["Ledarskap", "Förändring", "Mentorskap", "Styrelsearbete", "Karriär", "Prestation"]
SERVICES = ["business-coaching", "executive-coaching", "prestationscoaching", "kompetenscoaching"]


def real_body():
    text = REAL_ARTICLE.read_text("utf-8").split("---", 2)[2]
    return re.sub(r"\n\[Läs mer[^\n]*\n\{: \.section-link \}\n", "\n", text)


def article(number, count, body):
    topic = TOPICS[number % len(TOPICS)]
    next_slug = f"artikel-{(number + 1) % (count - 1):04d}"
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
    """Write a content folder with `count` articles (the real one and count - 1 more)."""
    content = Path(folder) / "content"
    shutil.copytree(ROOT / "content", content)
    body = real_body()
    for number in range(count - 1):
        (content / "articles" / f"artikel-{number:04d}.md").write_text(
            article(number, count, body), "utf-8"
        )
    return content
