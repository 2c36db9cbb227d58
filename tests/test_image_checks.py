"""An image an editor adds by mistake stops the build with its file, line and a fix: too
small for an article, not an image, damaged, or too big to be meant."""

import io

import pytest
from PIL import Image
from site_copy import article, write_site

from bench.photos import phone_exif
from conftest import build

MISTAKES = {  # file in images/ → what the message says
    "liten.jpg": "is only 700 px wide; an article needs at least 800 px to look sharp — use",
    "liggande.jpg": "is only 600 px wide; an article needs at least 800 px",
    "inte-en-bild.jpg": "is not an image — save it as JPEG (photos) or PNG (screenshots)",
    "avbruten.jpg": "is damaged (the file is cut short) — copy it from the camera or phone",
    "enorm.png": "is 41 megapixels (8200 × 5000), over the 40 megapixel limit — export it",
    "iphone.heic": "is a HEIC photo, which browsers cannot show — export it as JPEG",
    "tung.jpg": "is 26 MB, over the 25 MB limit — export it as a JPEG of at most 4000 px",
}
FIRST_IMAGE_LINE = 8  # site_copy.article: front matter on lines 1–6, a blank line, the text


def jpeg(size, **options):
    data = io.BytesIO()
    Image.new("RGB", size, "#5a7d6a").save(data, "JPEG", **options)
    return data.getvalue()


@pytest.fixture(scope="module")
def failed_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("image-mistakes")
    images = [f"![Bild {n}]({{static}}../images/{name})" for n, name in enumerate(MISTAKES)]
    body = "\n\n".join(images)
    content = write_site(root, {"bilder.md": article("Bilder").replace("Första stycket.", body)})
    images = content / "images"
    (images / "liten.jpg").write_bytes(jpeg((700, 500)))
    # 1000 × 600 as stored, but EXIF says turn it: seen upright it is 600 px wide.
    (images / "liggande.jpg").write_bytes(jpeg((1000, 600), exif=phone_exif(orientation=6)))
    (images / "inte-en-bild.jpg").write_text("Det här är en anteckning, inte ett foto.\n")
    (images / "avbruten.jpg").write_bytes(jpeg((1600, 1200), quality=95)[:4000])
    Image.new("L", (8200, 5000)).save(images / "enorm.png")
    (images / "iphone.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    (images / "tung.jpg").write_bytes(jpeg((1600, 1200)) + bytes(26_000_000))
    result = build("pelican.conf.py", root / "output", content)
    return content / "articles" / "bilder.md", result, root / "output"


def test_each_image_mistake_fails_the_build_with_file_line_and_fix(failed_build):
    shown, result, output = failed_build
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    for number, (name, message) in enumerate(MISTAKES.items()):
        expected = f"{shown}:{FIRST_IMAGE_LINE + 2 * number}: {{static}}../images/{name} {message}"
        assert any(line.startswith(expected) for line in lines), (expected, lines)
    assert f"content_checks: {len(MISTAKES)} problems; nothing was built." in lines
    assert not output.exists()
