"""Every kind of image file an editor brings reaches readers as they made it (issue 20):
each published variant (AVIF or WebP, the JPEG or PNG fallback, the link preview) decodes
in Chromium, with the original's colours at each probe, transparency kept where the
format holds it and laid on the page's colour where it does not; no file keeps a GPS
position or a profile that does not match its pixels; an animation is still for readers
who ask for less motion, and a 12 MB screen recording costs a phone under 1 MB.

The images are samples/image_corpus.py's, one article each, built once for this module.
"""

import re

import pytest
from PIL import Image

from conftest import build, parse
from image_corpus import LOGO, RECORDING, corpus_content, page_of
from samples.image_corpus import NAMES, PROBES
from samples.photos import GPS_IFD
from tools.static_server import serving

PAGE_BACKGROUND = (0xFA, 0xF8, 0xF4)  # --paper: what a transparent image lies on
KEEPS_ALPHA = (".avif", ".webp", ".png")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True}
PHONE_ANIMATION_BUDGET = 1_000_000
# Each URL drawn on a canvas (Chromium converts to sRGB as it draws): its natural width,
# 0 when Chromium cannot decode it, and the RGBA at each probe.
PROBE = """async ({urls, probes}) => Promise.all(urls.map(async (url) => {
  const img = new Image();
  img.src = url;
  try { await img.decode(); } catch { return {url, width: 0, probes: []}; }
  const canvas = Object.assign(document.createElement('canvas'),
    {width: img.naturalWidth, height: img.naturalHeight});
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  return {url, width: img.naturalWidth, probes: probes.map(([x, y]) => [...context.getImageData(
    Math.round(x * canvas.width), Math.round(y * canvas.height), 1, 1).data])};
}))"""


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """(url, output, cases): the corpus site built and served."""
    content, cases = corpus_content(tmp_path_factory)
    output = tmp_path_factory.mktemp("image-corpus-built")
    # The project's image cache, as any build's: the corpus is the same bytes every run, so
    # it is encoded once, not in every run (78 s in CI at 300 articles; CI keeps the cache).
    # The cache itself is tested from cold in tests/built/test_images.py.
    with serving(output) as url:
        result = build("pelican.conf.py", output, content, PREVIEW_URL=url)
        assert result.returncode == 0, result.stderr
        yield url, output, cases


@pytest.fixture(scope="module")
def probe_page(browser, corpus_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(corpus_site[0] + "/robots.txt")  # same origin, no page script or policy
    yield page
    context.close()


def variant_urls(output, page):
    """Every image URL the article offers: each srcset entry, the src and og:image."""
    html = parse(output, page)
    picture = html.select_one(".prose picture")
    urls = {picture.img["src"], html.select_one('meta[property="og:image"]')["content"]}
    for element in picture.select("source, img"):
        urls |= {entry.split(" ")[0] for entry in element["srcset"].split(", ")}
    return sorted(urls)


@pytest.mark.parametrize("name", NAMES)
def test_every_variant_decodes_with_the_originals_colours(corpus_site, probe_page, name):
    url, output, cases = corpus_site
    case = cases[name]
    urls = [u if u.startswith("http") else url + u for u in variant_urls(output, page_of(name))]
    assert len(urls) >= 5, urls  # two formats at two widths at least, and the preview
    for drawn in probe_page.evaluate(PROBE, {"urls": urls, "probes": PROBES}):
        assert drawn["width"] > 0, f"Chromium cannot decode {drawn['url']}"
        for expected, (*rgb, alpha) in zip(case.expected, drawn["probes"], strict=True):
            if expected is None and drawn["url"].endswith(KEEPS_ALPHA):
                assert alpha == 0, (drawn["url"], rgb, alpha)
                continue
            want = expected or PAGE_BACKGROUND  # flattened: the preview, a JPEG
            off = max(abs(a - b) for a, b in zip(rgb, want, strict=True))
            assert alpha == 255 and off <= case.tolerance, (drawn["url"], rgb, want)


def test_no_published_image_keeps_metadata_or_a_profile_of_other_pixels(corpus_site):
    _, output, _ = corpus_site
    published = [p for p in (output / "images").iterdir() if p.suffix != ".svg"]
    assert len(published) > 60, published
    for path in published:
        with Image.open(path) as image:
            exif, info = image.getexif(), image.info
            assert not exif.get_ifd(GPS_IFD) and not exif, (path.name, dict(exif))
            assert not {"xmp", "XML:com.adobe.xmp"} & set(info), path.name
            assert image.mode in ("RGB", "RGBA", "P"), (path.name, image.mode)
            if icc := info.get("icc_profile"):
                assert icc[16:20] == b"RGB ", (path.name, icc[16:20])  # the profile's space


def test_the_iphone_photo_is_published_like_a_jpeg(corpus_site):
    _, output, _ = corpus_site
    names = [u.rsplit("/", 1)[1] for u in variant_urls(output, page_of("iphone"))]
    widths_and_formats = sorted(re.sub(r"^iphone-\w+-", "", n) for n in names)
    expected = ["360.avif", "360.jpg", "720.avif", "720.jpg", "900.avif", "900.jpg", "delning.jpg"]
    assert widths_and_formats == expected
    assert not (output / "images" / "iphone.heic").exists()


@pytest.mark.parametrize(("motion", "shown"), [("no-preference", ".avif"), ("reduce", ".png")])
def test_an_animation_moves_only_for_readers_who_want_motion(browser, corpus_site, motion, shown):
    url, _, _ = corpus_site
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    page.goto(url + page_of("animation"))
    image = page.locator(".prose picture img")
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    current = image.evaluate("(img) => img.currentSrc")
    context.close()
    assert current.endswith(shown), current


def test_a_12_mb_screen_recording_costs_a_phone_under_1_mb(browser, corpus_site, tmp_path_factory):
    url, _, _ = corpus_site
    content, _ = corpus_content(tmp_path_factory)  # made once: this is the built one
    assert (content / "images" / "inspelning.gif").stat().st_size > 10_000_000
    context = browser.new_context(**PHONE, has_touch=True)
    page = context.new_page()
    images = {}
    page.on("response", lambda r: r.request.resource_type == "image" and images.update({r.url: r}))
    page.goto(url + RECORDING)
    page.wait_for_load_state("networkidle")
    sizes = {name.rsplit("/", 1)[1]: len(response.body()) for name, response in images.items()}
    context.close()
    assert [name.rsplit(".", 1)[1] for name in sizes] == ["avif"], sizes
    assert sum(sizes.values()) <= PHONE_ANIMATION_BUDGET, sizes


def test_an_svg_gets_its_size_from_its_viewbox(corpus_site):
    _, output, _ = corpus_site
    img = parse(output, LOGO).select_one(".prose img")
    assert (img["width"], img["height"]) == ("400", "240")
