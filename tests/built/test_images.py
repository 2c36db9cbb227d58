"""Photos as editors commit them reach readers resized, in modern formats, upright and
without metadata, and a second build reuses the first one's work.

Built once per module, from tests/image_site.py's tree (the fixture site plus camera
photos and a screenshot drawn here), into an image cache of its own.
"""

import re
from pathlib import Path

import pytest
from PIL import Image

from conftest import PRODUCTION_ENV, build, parse
from image_site import (
    HIDDEN_PHOTO,
    HIDDEN_PHOTO_ARTICLE,
    LATE_PHOTO_ARTICLE,
    PHOTO,
    PHOTO_ARTICLE,
    PORTRAIT,
    SCREENSHOT,
    SERIAL,
    SERVICE,
    START,
    photo_content,
)
from samples.photos import GPS_IFD

SITEURL = PRODUCTION_ENV["SITEURL"]
PROGRESS = re.compile(r"\bcontent_images: (\S+) → ")  # a line of Pelican's log
COLUMN_SIZES = "(min-width: 45rem) 42rem, calc(100vw - 3rem)"
IMAGES_IN_CONTENT = {
    PHOTO,
    PORTRAIT,
    SCREENSHOT,
    HIDDEN_PHOTO,
    "images/sent.jpg",
    "images/samtal.png",
    "images/anna-berg.jpg",  # a coach's portrait (`photo:`)
}


def production(content, output, cache):
    result = build(
        "publishconf.py",
        output,
        content,
        overrides={"CONTENT_IMAGES_CACHE": str(cache)},
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The production build twice, with one fresh image cache, the second into the first
    one's output as a plain `pelican` run does: (content, output, cold, warm)."""
    content = photo_content(tmp_path_factory)
    root = tmp_path_factory.mktemp("image-builds")
    cold = production(content, root / "output", root / "cache")
    warm = production(content, root / "output", root / "cache")
    return content, root / "output", cold, warm


@pytest.fixture(scope="module")
def site(builds):
    return builds[1]


def local(url):
    return Path(url.removeprefix(SITEURL + "/"))


def candidates(srcset):
    """[(address, width)] of a srcset."""
    return [(url, int(w[:-1])) for url, w in (item.split() for item in srcset.split(", "))]


def pictures(site, path):
    return parse(site, path).select(".prose picture")


def test_each_image_is_processed_once_and_a_second_build_processes_none(builds):
    _, _, cold, warm = builds
    assert sorted(PROGRESS.findall(cold.stdout)) == sorted(IMAGES_IN_CONTENT)
    assert PROGRESS.findall(warm.stdout) == []


def test_a_phone_photo_becomes_avif_and_jpeg_in_four_widths_for_the_column(site):
    first = pictures(site, PHOTO_ARTICLE)[0]
    [source] = first.select("source")
    img = first.img
    assert source["type"] == "image/avif"
    assert [w for _, w in candidates(source["srcset"])] == [360, 720, 1080, 1440]
    assert [w for _, w in candidates(img["srcset"])] == [360, 720, 1080, 1440]
    assert all(url.endswith(".avif") for url, _ in candidates(source["srcset"]))
    assert all(url.endswith(".jpg") for url, _ in candidates(img["srcset"]))
    assert source["sizes"] == img["sizes"] == COLUMN_SIZES
    assert (img["width"], img["height"]) == ("1440", "1080")
    for url, width in candidates(source["srcset"]) + candidates(img["srcset"]):
        with Image.open(site / local(url)) as variant:
            assert variant.size == (width, width * 3 // 4), url
    assert img["src"] == next(url for url, w in candidates(img["srcset"]) if w == 1080)


def test_a_screenshot_becomes_lossless_webp_and_png_never_wider_than_needed(site):
    shot = pictures(site, PHOTO_ARTICLE)[1]
    assert shot.source["type"] == "image/webp"
    assert [w for _, w in candidates(shot.source["srcset"])] == [360, 720, 1080, 1440]
    assert all(url.endswith(".png") for url, _ in candidates(shot.img["srcset"]))
    with Image.open(site / local(candidates(shot.source["srcset"])[0][0])) as webp:
        assert webp.format == "WEBP" and webp.info.get("lossless", True)


def test_no_variant_is_wider_than_its_original(site):
    # samtal.png is 960 px wide: 960 is its largest width, nothing is upscaled.
    [picture] = pictures(site, "/artiklar/ledarskap-i-forandring/")
    assert [w for _, w in candidates(picture.img["srcset"])] == [360, 720, 960]
    assert (picture.img["width"], picture.img["height"]) == ("960", "540")


@pytest.mark.parametrize("path", [SERVICE, START])
def test_services_and_pages_get_the_same_pictures(site, path):
    [picture] = parse(site, path).select("main picture")
    assert picture.source["type"] == "image/avif" and picture.img["sizes"] == COLUMN_SIZES
    for url, _ in candidates(picture.source["srcset"]) + candidates(picture.img["srcset"]):
        assert (site / local(url)).is_file(), url
    # Not an article: no Open Graph photo; the page's own card (plugins/share_cards).
    og = parse(site, path).select_one("meta[property='og:image']")["content"]
    assert og.startswith(f"{SITEURL}/delning/") and og.endswith(".png")


def test_every_image_any_page_shows_is_published(site):
    """Whichever of Pelican's lists keeps a page: a hidden article's photo too."""
    assert parse(site, HIDDEN_PHOTO_ARTICLE).select("main picture")
    for page in site.rglob("*.html"):
        html = parse(site, "/" + str(page.relative_to(site)))
        for element in html.select("img[srcset], source[srcset]"):
            for url, _ in candidates(element["srcset"]):
                assert (site / str(local(url)).lstrip("/")).is_file(), (page, url)
        for img in html.select("img[src]"):
            assert (site / str(local(img["src"])).lstrip("/")).is_file(), (page, img)


def test_exif_orientation_is_honoured(site):
    portrait = pictures(site, LATE_PHOTO_ARTICLE)[1]
    # Stored 1600 × 1200 lying down; seen upright it is 1200 × 1600.
    assert (portrait.img["width"], portrait.img["height"]) == ("1200", "1600")
    for url, width in candidates(portrait.img["srcset"]):
        with Image.open(site / local(url)) as variant:
            assert variant.size == (width, width * 4 // 3)


def test_gps_position_and_camera_serial_are_in_the_original_and_in_no_published_file(builds, site):
    content = builds[0]
    with Image.open(content / PHOTO) as original:
        assert original.getexif().get_ifd(GPS_IFD), "the test photo must carry a GPS position"
    assert SERIAL in (content / PHOTO).read_bytes()
    published = [f for f in site.rglob("*") if f.suffix in {".jpg", ".avif", ".webp", ".png"}]
    assert len(published) > 20
    for file in published:
        with Image.open(file) as image:
            exif = image.getexif()
            assert not exif.get_ifd(GPS_IFD) and not exif, file
        assert SERIAL not in file.read_bytes(), file


def test_loading_first_image_eager_and_fetched_first_when_it_leads(site):
    first, *rest = [p.img for p in pictures(site, PHOTO_ARTICLE)]
    assert first["fetchpriority"] == "high" and not first.has_attr("loading")
    assert all(img["loading"] == "lazy" and img["decoding"] == "async" for img in rest)
    assert first["decoding"] == "async"
    assert all(img["alt"] for img in [first, *rest])
    # A photo after a long paragraph is not the page's largest element: not prioritised.
    late, portrait = [p.img for p in pictures(site, LATE_PHOTO_ARTICLE)]
    assert not late.has_attr("fetchpriority") and not late.has_attr("loading")
    assert portrait["loading"] == "lazy"


def test_originals_are_neither_published_nor_referenced(builds, site):
    content = builds[0]
    originals = {(content / name).read_bytes() for name in IMAGES_IN_CONTENT}
    for file in site.rglob("*"):
        if file.is_file() and file.suffix != ".html":
            assert file.read_bytes() not in originals, file
    names = [Path(name).name for name in IMAGES_IN_CONTENT]
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert not [name for name in names if f"/{name}" in text], page
    assert (site / "images" / "epm-delning.png").exists()  # the share image stays


def test_an_articles_open_graph_image_is_its_first_photo_cropped(site):
    page = parse(site, PHOTO_ARTICLE)
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:image']")}
    with Image.open(site / local(og["og:image"])) as image:
        assert image.format == "JPEG" and image.size == (1200, 630)
        assert not image.getexif()
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["og:image:alt"] == "Två coacher vid ett fönster"
    # A page without a photo shows its own card (plugins/share_cards).
    start = parse(site, "/").select_one("meta[property='og:image']")["content"]
    assert re.fullmatch(rf"{SITEURL}/delning/start-[0-9a-f]{{10}}\.png", start)
