"""A content tree with photos as editors commit them, made once per test session.

The fixture site (tests/fixtures/site/) plus:
- an article that opens with a 12-megapixel phone photo (EXIF: GPS position, camera
  serial) and has a 2400 px PNG screenshot further down;
- an article whose first photo comes after a long paragraph (not its largest element),
  then a portrait photo whose pixels lie on their side (EXIF orientation 6);
- that photo at the end of a service and of the start page;
- a hidden article (`status: hidden`: written, but in no list) with a photo of its own.
The photos are drawn by samples/photos.py in the test: no large binary is committed.
"""

from samples.photos import phone_exif, phone_photo, screenshot
from site_copy import article, write_site

PHOTO_ARTICLE = "/artiklar/med-foton/"
LATE_PHOTO_ARTICLE = "/artiklar/foto-langre-ner/"
HIDDEN_PHOTO_ARTICLE = "/artiklar/dold-med-foto/"
PHOTO = "images/telefon.jpg"
PORTRAIT = "images/staende.jpg"
SCREENSHOT = "images/skarmbild.png"
LATE_PHOTO = "images/sent.jpg"
HIDDEN_PHOTO = "images/dold.jpg"
SERVICE_FILE, SERVICE = "services/teamcoaching.md", "/tjanster/teamcoaching/"
START_FILE, START = "pages/start.md", "/"
SERIAL = b"SN-4711-EPM"  # samples.photos.phone_exif writes it
LONG_TEXT = "Det här stycket kommer före bilden och är längre än en ingress brukar vara. " * 6

ARTICLES = {
    "med-foton.md": article("Med foton").replace(
        "Första stycket.",
        f"![Två coacher vid ett fönster]({{static}}../{PHOTO})\n\n"
        f"Första stycket.\n\n{LONG_TEXT}\n\n"
        f"![Skärmbild av veckans mål]({{static}}../{SCREENSHOT})\n",
    ),
    "foto-langre-ner.md": article("Foto längre ner").replace(
        "Första stycket.",
        f"{LONG_TEXT}\n\n![En lampa på ett bord]({{static}}../{LATE_PHOTO})\n\n"
        f"![Ett porträtt i stående format]({{static}}../{PORTRAIT})\n",
    ),
    "dold-med-foto.md": article("Dold med foto", front="status: hidden\n").replace(
        "Första stycket.", f"![Ett kontor i kvällsljus]({{static}}../{HIDDEN_PHOTO})\n"
    ),
}
_trees = {}


def photo_content(tmp_path_factory):
    """content/ with the photo articles (made once per session)."""
    if "content" not in _trees:
        root = tmp_path_factory.mktemp("photo-site")
        content = write_site(root, ARTICLES)
        phone_photo().save(content / PHOTO, quality=92, exif=phone_exif())
        # Stored 1600 × 1200 on its side; the phone says "turn 90° clockwise to view".
        lying = phone_photo((1600, 1200), seed=1)
        lying.save(content / PORTRAIT, quality=90, exif=phone_exif(orientation=6))
        screenshot().save(content / SCREENSHOT)
        phone_photo((1200, 900), seed=2).save(content / LATE_PHOTO, quality=90)
        phone_photo((1200, 900), seed=3).save(content / HIDDEN_PHOTO, quality=90)
        for page in (SERVICE_FILE, START_FILE):  # the same photo: nothing more to encode
            with (content / page).open("a", encoding="utf-8") as text:
                text.write(f"\n![En lampa på ett bord]({{static}}../{LATE_PHOTO})\n")
        _trees["content"] = content
    return _trees["content"]
