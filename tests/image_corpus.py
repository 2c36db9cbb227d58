"""The image corpus (samples/image_corpus.py) in a copy of the fixture site, an article for
each image, made once per test session."""

from samples.image_corpus import shown_images, write_corpus
from site_copy import article, write_site

RECORDING = "/artiklar/bild-inspelning/"
LOGO = "/artiklar/bild-logga/"
_made = {}


def page_of(name):
    return f"/artiklar/bild-{name}/"


def corpus_content(tmp_path_factory):
    """(content/, {name: Case})."""
    if "content" not in _made:
        content = write_site(tmp_path_factory.mktemp("image-corpus"), {})
        cases = write_corpus(content / "images")
        for slug, (alt, file) in shown_images(cases).items():
            image = f"![{alt}]({{static}}../images/{file})\n\nFörsta stycket."
            text = article(slug).replace("Första stycket.", image)
            (content / "articles" / f"{slug}.md").write_text(text, "utf-8")
        _made["content"] = content, cases
    return _made["content"]
