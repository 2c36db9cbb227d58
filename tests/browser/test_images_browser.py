"""What a reader's browser downloads for an article with a camera photo at the top and a
2400 px screenshot further down (tests/image_site.py), read to the end on a phone and on
a desktop: under the image budgets, the photo the largest paint, each image sharp for its
screen and no larger, no original, and nothing moving as the images arrive.

The figures go to test-artifacts/images.json (docs/quality.md quotes them).
"""

import json

import pytest

from conftest import ARTIFACTS, build
from image_site import PHOTO_ARTICLE, photo_content
from tools.static_server import serving

SCREENS = {  # name: (viewport, device pixel ratio, mobile, image budget in bytes)
    "phone": ({"width": 390, "height": 844}, 3, True, 150_000),
    "desktop": ({"width": 1440, "height": 900}, 1, False, 200_000),
}
READ_TO_THE_END = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await new Promise((done) => setTimeout(done, 100));
  }
}"""
# Each image's width on screen, the srcset width the browser chose, and all it could have.
SHOWN = """() => [...document.querySelectorAll('.prose img')].map((img) => {
  const chosen = img.currentSrc;
  const offered = [...img.parentElement.querySelectorAll('source, img')].flatMap((el) =>
    el.srcset.split(', ').map((c) => c.split(' ')));
  const widthOf = (url) => parseInt(offered.find(([u]) => new URL(u, location).href === url)[1]);
  return {shown: img.getBoundingClientRect().width, got: widthOf(chosen), src: chosen,
          widths: img.srcset.split(', ').map((c) => parseInt(c.split(' ')[1]))};
})"""
# The text paints before the photo does: wait (up to 5 s) for a larger paint with a URL.
LARGEST_PAINT = """() => new Promise((done) => {
  let last = '';
  new PerformanceObserver((list) => {
    last = list.getEntries().at(-1).url || last;
    if (last) done(last);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => done(last), 5000);
})"""
# Each layout shift not caused by input: its score and what moved, from where to where.
LAYOUT_SHIFT = """() => new Promise((done) => new PerformanceObserver((list) => done(
  list.getEntries().filter((e) => !e.hadRecentInput).map((e) => ({value: e.value,
    moved: e.sources.map((s) => [s.node ? (s.node.outerHTML || s.node.nodeName).slice(0, 120)
      : null, JSON.stringify(s.previousRect), JSON.stringify(s.currentRect)])}))
)).observe({type: 'layout-shift', buffered: true}) || setTimeout(() => done([]), 500))"""


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    content = photo_content(tmp_path_factory)
    folder = tmp_path_factory.mktemp("photo-site-built")
    # The project's image cache, as test_image_corpus_browser's: the photos are the same
    # bytes every run (seeded), so they are encoded once.
    with serving(folder) as url:
        result = build("pelican.conf.py", folder, content, PREVIEW_URL=url)
        assert result.returncode == 0, result.stderr
        yield url


@pytest.fixture(scope="module")
def figures():
    measured = {}
    yield measured
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "images.json").write_text(json.dumps(measured, indent=2), "utf-8")


@pytest.mark.parametrize("screen", SCREENS)
def test_reading_the_article_downloads_images_under_budget(browser, photo_site, figures, screen):
    viewport, ratio, mobile, budget = SCREENS[screen]
    context = browser.new_context(
        viewport=viewport, device_scale_factor=ratio, is_mobile=mobile, has_touch=mobile
    )
    page = context.new_page()
    images = {}
    page.on(
        "response",
        lambda r: images.update({r.url: r}) if r.request.resource_type == "image" else None,
    )
    page.goto(photo_site + PHOTO_ARTICLE)
    largest = page.evaluate(LARGEST_PAINT)  # before scrolling, which ends LCP
    page.evaluate(READ_TO_THE_END)
    page.wait_for_load_state("networkidle")
    shown = page.evaluate(SHOWN)
    shifts = page.evaluate(LAYOUT_SHIFT)
    sizes = {url.rsplit("/", 1)[1]: len(response.body()) for url, response in images.items()}
    context.close()

    shift = sum(entry["value"] for entry in shifts)
    figures[screen] = {"bytes": sum(sizes.values()), "files": sizes, "layout_shift": shift}
    assert "/images/telefon-" in largest, largest  # the photo is the page's LCP element
    assert len(sizes) == 2, sizes  # the photo and the screenshot, once each
    assert sum(sizes.values()) <= budget, sizes
    assert not any(name in {"telefon.jpg", "skarmbild.png"} for name in sizes)
    # The photo as AVIF, the screenshot as lossless WebP, whichever arrived first.
    formats = {name.split("-", 1)[0]: name.rsplit(".", 1)[1] for name in sizes}
    assert formats == {"telefon": "avif", "skarmbild": "webp"}, sizes
    for image in shown:
        needed = image["shown"] * ratio
        big_enough = [w for w in image["widths"] if w >= needed] or [max(image["widths"])]
        # Sharp on this screen, and the smallest file that is: `sizes` fits the layout.
        assert image["got"] == min(big_enough), image
    assert shifts == []  # what moved, if anything did (it once did, by 0.002, under load)
