"""An image an editor adds by mistake stops the build with its file, line and a fix: too
small for an article, not an image, damaged, too big to be meant, in CMYK without a
profile, an animation too long to make small; and an SVG with a script, linked or not,
at its own line. An animation that is still too big once made stops the build too."""

import io

import pytest
from PIL import Image

from conftest import build
from samples.photos import phone_exif
from site_copy import article, write_site

MISTAKES = {  # file in images/ → what the message says
    "liten.jpg": "är bara 700 px bred; en artikel behöver minst 800 px för att bilden ska bli "
    "skarp — använd",
    "liggande.jpg": "är bara 600 px bred; en artikel behöver minst 800 px",
    "inte-en-bild.jpg": "är ingen bild — spara den som JPEG (foton) eller PNG (skärmbilder)",
    "avbruten.jpg": "är skadad (filen är ofullständig) — kopiera den från kameran eller telefonen",
    # Cut short after its thumbnail's end marker: a phone photo's EXIF holds one.
    "avbruten-miniatyr.jpg": "är skadad (filen är ofullständig) — kopiera den från kameran",
    "enorm.png": "är 41 megapixlar (8200 × 5000), över gränsen på 40 megapixlar — exportera den",
    "trasig.heic": "är ingen bild — spara den som JPEG (foton) eller PNG (skärmbilder)",
    "tung.jpg": "är 26 MB, över gränsen på 25 MB — exportera den som JPEG med högst 4000 px",
    "skarmdump.png": "är över gränsen på 40 megapixlar — exportera den med högst 4000 px på den",
    "tryck.jpg": "är i CMYK för tryck och saknar färgprofil, så det går inte att veta vilka "
    "färger som är tänkta — exportera den som JPEG i RGB (sRGB)",
    "lang.gif": "är en animering med 201 bildrutor i 2000 × 1000, över gränsen på 400 "
    "megapixlar sammanlagt — spela in ett kortare klipp eller en mindre del av skärmen",
}
UNSAFE_SVG = (  # not linked from any page: its address is public all the same
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
    '  <rect width="10" height="10"/>\n'
    "  <script>alert(document.cookie)</script>\n"
    "</svg>\n"
)
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
    thumbnail = jpeg((160, 120))
    with_thumbnail = jpeg((1600, 1200), quality=95, comment=thumbnail)
    (images / "avbruten-miniatyr.jpg").write_bytes(with_thumbnail[: len(with_thumbnail) * 2 // 3])
    Image.new("L", (8200, 5000)).save(images / "enorm.png")
    (images / "trasig.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    (images / "tung.jpg").write_bytes(jpeg((1600, 1200)) + bytes(26_000_000))
    # A whole web page as one screenshot: small on disk, too many pixels for Pillow to open.
    Image.new("L", (14000, 13000), 255).save(images / "skarmdump.png")
    Image.new("CMYK", (1600, 1200), (255, 200, 0, 0)).save(images / "tryck.jpg")
    frames = [Image.new("P", (2000, 1000), n) for n in range(201)]  # each its own colour
    frames[0].save(images / "lang.gif", save_all=True, append_images=frames[1:])
    (images / "skript.svg").write_text(UNSAFE_SVG, "utf-8")
    # Beside the text, as {attach} would publish it: checked as well.
    (content / "articles" / "ritning.svg").write_text(UNSAFE_SVG, "utf-8")
    result = build("pelican.conf.py", root / "output", content)
    return content / "articles" / "bilder.md", result, root / "output"


def test_each_image_mistake_fails_the_build_with_file_line_and_fix(failed_build):
    shown, result, output = failed_build
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    for number, (name, message) in enumerate(MISTAKES.items()):
        expected = f"{shown}:{FIRST_IMAGE_LINE + 2 * number}: {{static}}../images/{name} {message}"
        assert any(line.startswith(expected) for line in lines), (expected, lines)
    svg = shown.parents[1] / "images" / "skript.svg"
    svg_message = f"{svg}:3: bilden innehåller ett <script>-element — ta bort det i ritprogrammet"
    assert any(line.startswith(svg_message) for line in lines), lines
    beside_the_text = f"{shown.parent / 'ritning.svg'}:3: bilden innehåller ett <script>-element"
    assert any(line.startswith(beside_the_text) for line in lines), lines
    assert f"content_checks: {len(MISTAKES) + 2} fel; inget byggdes." in lines
    assert not output.exists()


def test_an_animation_too_big_for_a_phone_once_made_stops_the_build(tmp_path):
    noise = [Image.effect_noise((800, 450), 90).convert("RGB") for _ in range(12)]
    body = "![Så ser det ut]({static}../images/brus.gif)"
    content = write_site(tmp_path, {"brus.md": article("Brus").replace("Första stycket.", body)})
    noise[0].save(content / "images" / "brus.gif", save_all=True, append_images=noise[1:])
    result = build("pelican.conf.py", tmp_path / "output", content)
    shown = content / "articles" / "brus.md"
    assert result.returncode != 0
    assert (
        f"{shown}:{FIRST_IMAGE_LINE}: {{static}}../images/brus.gif är en animering på "
        in result.stderr
    )
    assert (
        "mer än de 1 MB en mobil högst bör behöva hämta — spela in ett kortare klipp"
        in result.stderr
    )
