"""WCAG 2.2 AA criteria that axe cannot decide, checked in Chromium on every page of a build.

axe judges the page as it loads. These criteria are about what a reader does to it: a narrow
window, their own style sheet, larger text, the Tab key, Windows high contrast. Each check
returns the problems a reader would meet, one line each; test_checks_catch_what_they_look_for
runs every check on a page made to fail, so none of them passes by looking at nothing.
"""

import base64
import hashlib

import pytest
from playwright.sync_api import expect

from conftest import ARTIFACTS

SHOTS = ARTIFACTS / "wcag"
SEARCHED = "coaching"  # a word on every site: its search page is checked with hits shown
# 1.4.12's own values, with !important as a reader's style sheet sets them.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
# Text at 200 %: what the browser's font-size setting does, a larger root size; everything
# sized in rem or em grows with it. Page zoom (Emulation.setPageScaleFactor) is not the same:
# it magnifies the layout, text included, instead of reflowing the page around larger text.
TEXT_200 = "html { font-size: 200% !important; }"
# 1.4.4 is judged in a 1280 px window. A reader there zooms to 200 % (the layout gets 640 CSS
# px, text at its size) or doubles the text (1280 px, text twice the size). Doubled text in
# 640 px is harder than either, so one run that passes it covers both.
TEXT_200_WIDTH = 640
PHONE, DESKTOP = {"width": 320, "height": 640}, {"width": 1280, "height": 800}
MIN_TARGET = 24  # CSS px, 2.5.8

# Helpers shared by the checks below, prepended to each script run in the page.
JS = """
const TARGETS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
  + '[tabindex]:not([tabindex="-1"])';
const FIELDS = 'input, textarea, select';
const describe = (el) => {
  const text = (el.textContent || el.getAttribute('aria-label') || el.name || '').trim();
  const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
  return `<${el.localName}${el.id ? '#' + el.id : ''}${cls}> "${text.slice(0, 40)}"`;
};
const shown = (el) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};
// A data table may be wider than a phone (1.4.10 exempts content that needs two
// dimensions): it scrolls inside a region a keyboard can focus, never the page.
const scrollRegion = (el) => {
  const region = el.closest('[role=region][tabindex="0"]');
  return region && ['auto', 'scroll'].includes(getComputedStyle(region).overflowX) && region;
};
"""

# 1.4.10, 1.4.12, 1.4.4: nothing sticks out sideways and no box cuts off what it holds.
OVERFLOW = (
    "() => {"
    + JS
    + """
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide in ${width}`);
    // Name what sticks out, down to the word, so the failure says what to fix.
    for (const el of document.querySelectorAll('body *')) {
      const right = Math.round(el.getBoundingClientRect().right);
      if (shown(el) && right > width && !scrollRegion(el.parentElement)) {
        problems.push(`${describe(el)} reaches ${right} px`);
      }
    }
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const node = texts.currentNode;
      for (const word of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const right = Math.round(range.getBoundingClientRect().right);
        if (right > width && !scrollRegion(node.parentElement)) {
          problems.push(`"${word[0]}" in ${describe(node.parentElement)} reaches ${right} px`);
        }
      }
    }
  }
  for (const el of document.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    // Fields scroll by design; a 1 px box is text hidden for screen readers on purpose.
    if (el.matches(FIELDS) || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    const clipsX = style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1
      && scrollRegion(el) !== el;
    const clipsY = style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1;
    // The page itself scrolls: it only loses content when told to hide what is too wide.
    const root = el === document.documentElement || el === document.body;
    if (root ? clipsX && !['auto', 'scroll'].includes(style.overflowX) : clipsX || clipsY) {
      problems.push(`${describe(el)} cuts off its content (overflow: ${style.overflow})`);
    }
  }
  return problems;
}"""
)

# How far the reader's style sheet took hold: elements whose text it did not respace.
UNSPACED = (
    "() => {"
    + JS
    + """
  return [...document.querySelectorAll('p, li, h1, h2, h3, a, label')].filter(shown)
    .filter((el) => {
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      return Math.abs(parseFloat(style.letterSpacing) - 0.12 * size) > 0.1
        || Math.abs(parseFloat(style.lineHeight) - 1.5 * size) > 0.1;
    }).map(describe);
}"""
)

# 2.4.7: what focus may change to show itself.
FOCUS_PROPERTIES = [
    "outline-style",
    "outline-width",
    "outline-color",
    "box-shadow",
    "border-top-color",
    "border-bottom-color",
    "border-top-width",
    "border-bottom-width",
    "background-color",
    "color",
    "text-decoration-line",
    "text-decoration-thickness",
]
# Each Tab stop as the Tab key comes up (focus moved, and the page scrolled to it, on key
# down): the focused element, whether it looks different from unfocused (2.4.7), and whether
# the reader can see it (2.4.11). Recorded in the page and read once a page, not in a call
# after each key press: that call took as long as the key press itself. Recording ends
# when focus leaves the page or comes round.
RECORD_TAB_STOPS = (
    "(properties) => {"
    + JS
    + """
  const lookOf = (el) => {
    const style = getComputedStyle(el);
    return properties.map((p) => style.getPropertyValue(p)).join('|');
  };
  const unfocused = new Map();
  for (const el of document.querySelectorAll('body *')) unfocused.set(el, lookOf(el));
  const stopAt = (el) => {
    // A link broken over two lines has a gap at its bounding box's centre: use its largest piece.
    const pieces = [...el.getClientRects()];
    const piece = pieces.sort((a, b) => b.width * b.height - a.width * a.height)[0];
    // 2.4.11 (AA) asks that focus is not entirely hidden. Chromium does not scroll to an element
    // that shows 32 px of itself, so a tall field may sit partly below the fold: judge the part
    // inside the viewport, and whether anything lies on its centre.
    const left = Math.max(piece.left, 0), right = Math.min(piece.right, innerWidth);
    const top = Math.max(piece.top, 0), bottom = Math.min(piece.bottom, innerHeight);
    const inside = right > left && bottom > top;
    const hit = inside && document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
    return {
      name: describe(el),
      changes: lookOf(el) !== unfocused.get(el),
      inside,
      coveredBy: hit && !el.contains(hit) ? describe(hit) : null,
    };
  };
  const seen = [];
  window.wcagTab = { stops: [], done: false };
  removeEventListener('keyup', window.wcagRecord, true);  // a page checked at a second size
  window.wcagRecord = (event) => {
    const el = document.activeElement;
    if (event.key !== 'Tab' || window.wcagTab.done) return;
    if (!el || el === document.body || seen.includes(el)) {
      window.wcagTab.done = true;
    } else {
      seen.push(el);
      window.wcagTab.stops.push(stopAt(el));
    }
  };
  addEventListener('keyup', window.wcagRecord, true);
}"""
)
# Everything Tab could stop at. Tab reaching more stops than the page has such elements
# means focus went round again: a trap. (A fixed cap failed at 289 articles on /artiklar/.)
FOCUSABLE = (
    "a[href], area[href], button, input, select, textarea, summary, iframe, "
    "[tabindex], [contenteditable]"
)

# 2.5.8: targets of at least 24 x 24 px, or spaced so that 24 px circles centred on the
# small ones touch no other target and no other small one's circle. Links inside a
# sentence are exempt: the line-height of the text around them sets their size.
TARGET_SIZE = (
    "(minimum) => {"
    + JS
    + """
  const blockOf = (el) => {
    while (getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    return el;
  };
  const inSentence = (el) => {
    if (getComputedStyle(el).display !== 'inline') return false;
    const texts = document.createTreeWalker(blockOf(el.parentElement), NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const node = texts.currentNode;
      if (node.textContent.trim() && !node.parentElement.closest(TARGETS)) return true;
    }
    return false;
  };
  const targets = [...document.querySelectorAll(TARGETS)].filter(shown).map((el) => {
    const box = el.getBoundingClientRect();
    return {
      el, box, pieces: [...el.getClientRects()],
      x: box.x + box.width / 2, y: box.y + box.height / 2,
      small: (box.width < minimum || box.height < minimum) && !inSentence(el),
    };
  });
  const radius = minimum / 2;
  const reaches = (t, rect) => Math.hypot(
    Math.max(rect.left - t.x, 0, t.x - rect.right),
    Math.max(rect.top - t.y, 0, t.y - rect.bottom)) < radius - 0.01;
  const problems = [];
  for (const t of targets.filter((t) => t.small)) {
    const near = targets.find((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && (
      o.pieces.some((rect) => reaches(t, rect))
      || (o.small && Math.hypot(o.x - t.x, o.y - t.y) < minimum - 0.01)));
    if (near) {
      const size = `${t.box.width.toFixed(1)} x ${t.box.height.toFixed(1)} px`;
      problems.push(`${describe(t.el)} is ${size} and too close to ${describe(near.el)}`);
    }
  }
  return problems;
}"""
)

# Forced colours drop backgrounds, shadows and author colours: a control is then only as
# visible as its border or outline, and a mark made of colour or shadow is gone. Links that
# look like buttons are marked first, while they still do.
MARK_BUTTON_LOOKING_LINKS = """() => {
  for (const link of document.querySelectorAll('a[href]')) {
    const background = getComputedStyle(link).backgroundColor;
    link.wcagLooksLikeButton = background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent';
  }
}"""
FORCED_COLOURS = (
    "() => {"
    + JS
    + """
  const controls = [...document.querySelectorAll(
    'button, input:not([type=hidden]), select, textarea, [role=button], a[href]')]
    .filter((el) => shown(el) && (el.localName !== 'a' || el.wcagLooksLikeButton));
  const edge = (style, side) => parseFloat(style[`border${side}Width`]) > 0
    && !['none', 'hidden'].includes(style[`border${side}Style`])
    && !/^rgba\\(.*, 0\\)$/.test(style[`border${side}Color`]);
  const edgeless = controls.filter((el) => {
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return !outlined && !['Top', 'Right', 'Bottom', 'Left'].every((side) => edge(style, side));
  }).map((el) => `${describe(el)} has no border or outline`);
  // "You are here" in a menu: the current page's link must still differ from the others.
  const look = (el) => {
    const style = getComputedStyle(el);
    return [style.textDecorationLine, style.borderBottomStyle, style.outlineStyle,
      style.fontWeight, style.backgroundColor].join('|');
  };
  const unmarked = [...document.querySelectorAll('li > a[aria-current]')].filter((current) =>
    [...current.closest('ul, ol').querySelectorAll(':scope > li > a:not([aria-current])')]
      .some((other) => look(other) === look(current)))
    .map((el) => `${describe(el)}, the current page, looks like the other links`);
  return edgeless.concat(unmarked);
}"""
)


def add_user_style_sheet(page, css):
    """Style the page as a reader's own style sheet would. A real user style sheet is not
    subject to the page's CSP, so this must not be either: the DevTools protocol's inspector
    style sheet is not, while page.add_style_tag is blocked by the CSP's style-src. Its rules
    are author rules placed last; with !important they beat every normal author rule, as a
    user sheet's !important rules do (the checks below verify that they took hold)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    frame = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
    sheet = cdp.send("CSS.createStyleSheet", {"frameId": frame})["styleSheetId"]
    cdp.send("CSS.setStyleSheetText", {"styleSheetId": sheet, "text": css})
    cdp.detach()


def screenshot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    file = SHOTS / f"{name}.png"
    page.screenshot(path=file, full_page=True)
    return file


def reflow(page):
    """1.4.10: at 320 CSS px, no sideways scrolling and nothing cut off."""
    page.set_viewport_size(PHONE)
    return page.evaluate(OVERFLOW)


def text_spacing(page):
    """1.4.12: with the criterion's spacing from a user style sheet, still nothing lost."""
    page.set_viewport_size(PHONE)
    add_user_style_sheet(page, TEXT_SPACING)
    unspaced = page.evaluate(UNSPACED)
    return [f"{name}: the user style sheet did not respace it" for name in unspaced] + (
        page.evaluate(OVERFLOW)
    )


def text_at_200_percent(page):
    """1.4.4: text at twice its size, nothing cut off or sticking out."""
    page.set_viewport_size({"width": TEXT_200_WIDTH, "height": 800})
    before = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    add_user_style_sheet(page, TEXT_200)
    after = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    grown = [] if after == 2 * before else [f"the text did not double: {before} → {after} px"]
    return grown + page.evaluate(OVERFLOW)


def tab_stops(page, viewport):
    """Every element Tab reaches, in order, as RECORD_TAB_STOPS sees it."""
    page.set_viewport_size(viewport)
    page.evaluate(RECORD_TAB_STOPS, FOCUS_PROPERTIES)
    focusable = page.locator(FOCUSABLE).count()
    for pressed in range(1, focusable + 3):  # one to leave the page, one to come round
        page.keyboard.press("Tab")
        if pressed % 8 == 0 and page.evaluate("window.wcagTab.done"):
            break
    tab = page.evaluate("window.wcagTab")
    if not tab["done"]:
        raise AssertionError(f"more Tab stops than the {focusable} focusable elements: a trap?")
    return tab["stops"]


def focus_visible(stops):
    """2.4.7: each element reached by Tab looks different when focused."""
    return [f"{stop['name']} looks the same focused" for stop in stops if not stop["changes"]]


def focus_not_obscured(stops):
    """2.4.11: the focused element is on screen and nothing lies on top of it."""
    return [
        f"{stop['name']} is focused "
        + (f"under {stop['coveredBy']}" if stop["coveredBy"] else "outside the viewport")
        for stop in stops
        if stop["coveredBy"] or not stop["inside"]
    ]


def target_size(page, viewport):
    """2.5.8: every target not inside a sentence is 24 x 24 px or spaced as if it were."""
    page.set_viewport_size(viewport)
    return page.evaluate(TARGET_SIZE, MIN_TARGET)


def forced_colours(page):
    """Windows high contrast: every button and field keeps an edge all round, and a menu
    still shows which page is the current one."""
    page.set_viewport_size(DESKTOP)
    page.emulate_media(forced_colors="none")
    page.evaluate(MARK_BUTTON_LOOKING_LINKS)
    page.emulate_media(forced_colors="active")
    return page.evaluate(FORCED_COLOURS)


@pytest.fixture(scope="module", params=["fixture", "real"])
def pages(request):
    """The URL of every page of each site, found in the build, so a new page is checked
    without anyone listing it."""
    site = request.getfixturevalue(f"{request.param}_site")
    # and the search page with hits shown (theme/scripts/search.js runs ?q= on load)
    return [site.url + path for path in site.browser_paths()] + [f"{site.url}/sok/?q={SEARCHED}"]


@pytest.fixture(scope="module")
def shared_context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def tab(shared_context):
    tab = shared_context.new_page()
    yield tab
    tab.close()


def problems_on_every_page(tab, pages, check, name):
    """Run `check` on each page; a page with problems is also saved as a screenshot."""
    found = []
    for url in pages:
        assert tab.goto(url).ok, url
        if "?q=" in url:
            expect(tab.locator("[data-search-results] a").first).to_be_visible()
        problems = check(tab)
        if problems:
            file = screenshot(tab, f"{name}-{url.rstrip('/').rsplit('/', 1)[-1] or 'start'}")
            found += [f"{url}: {problem}" for problem in problems] + [f"  (see {file})"]
    return found


def test_reflow_at_320_px(tab, pages):
    assert problems_on_every_page(tab, pages, reflow, "reflow") == []


def test_text_spacing_at_320_px(tab, pages):
    assert problems_on_every_page(tab, pages, text_spacing, "text-spacing") == []


def test_text_at_200_percent(tab, pages):
    assert problems_on_every_page(tab, pages, text_at_200_percent, "text-200") == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_focus_visible_and_not_obscured(tab, pages, viewport):
    def check(page):
        stops = tab_stops(page, viewport)
        return (
            focus_visible(stops) + focus_not_obscured(stops) if stops else ["Tab reaches nothing"]
        )

    assert problems_on_every_page(tab, pages, check, f"focus-{viewport['width']}") == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_target_size(tab, pages, viewport):
    def check(page):
        return target_size(page, viewport)

    assert problems_on_every_page(tab, pages, check, f"target-{viewport['width']}") == []


def test_forced_colours_keep_the_edges_of_buttons_and_fields(tab, pages):
    assert problems_on_every_page(tab, pages, forced_colours, "forced-colours") == []


# A page that fails every check, under a CSP as strict as the site's.
FAILING_PAGE = """<!doctype html><html lang="sv"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-{hash}'">
<style>{css}</style></head><body>
<header>Rubrik</header>
<p>Integritetsskyddsmyndighetensprestationscoachingsorganisationssammanhang</p>
<table><tr><td>Förstagångssamtal</td><td>Uppföljningssamtal</td><td>Avslutningssamtal</td></tr></table>
<p class="clip">Text som inte får plats i sin ruta, hur mycket den än försöker.</p>
<p><a href="#a">a</a><a href="#b">b</a></p>
<p><a class="bare" href="#c">Länk utan fokusmarkering</a></p>
<form><input class="flat" name="namn"><button class="flat">Skicka</button></form>
<ul><li><a class="here" href="#d" aria-current="page">Här</a></li><li><a href="#e">Där</a></li></ul>
</body></html>"""
FAILING_CSS = """
header { position: fixed; bottom: 0; left: 0; right: 0; height: 100vh; background: #fff; }
.clip { width: 10rem; height: 3em; overflow: hidden; }
a:focus { outline: none; }
.flat { border: 0; background: #ddd; }
li a { text-decoration: none; }
.here { box-shadow: inset 0 -2px 0 currentColor; }
"""


def test_checks_catch_what_they_look_for(tab):
    digest = base64.b64encode(hashlib.sha256(FAILING_CSS.encode()).digest()).decode()
    tab.set_content(FAILING_PAGE.format(hash=digest, css=FAILING_CSS))
    # The CSP holds: a style the page adds itself is refused, as on the site.
    tab.evaluate("""document.head.append(Object.assign(
      document.createElement('style'), {textContent: 'p { letter-spacing: 9px }'}))""")
    assert tab.evaluate("getComputedStyle(document.querySelector('p')).letterSpacing") == "normal"
    long_word = "Integritetsskyddsmyndighetensprestationscoachingsorganisationssammanhang"
    reflowed = reflow(tab)
    assert any(f'"{long_word}" in <p>' in problem for problem in reflowed)
    # A wide table outside a scroll region widens the page: only the region exempts it.
    assert any(problem.startswith('"Avslutningssamtal" in <td>') for problem in reflowed)
    spaced = text_spacing(tab)
    assert any(problem.startswith('<p.clip> "Text som') for problem in spaced)
    assert not any("did not respace" in problem for problem in spaced)
    enlarged = text_at_200_percent(tab)
    assert enlarged and not any("did not double" in problem for problem in enlarged)

    stops = tab_stops(tab, DESKTOP)
    assert len(stops) == 7 and all(stop["inside"] for stop in stops)
    assert [problem.split(" looks")[0] for problem in focus_visible(stops)] == [
        '<a> "a"',
        '<a> "b"',
        '<a.bare> "Länk utan fokusmarkering"',
        '<a.here> "Här"',
        '<a> "Där"',
    ]
    assert all("under <header>" in problem for problem in focus_not_obscured(stops))
    assert [problem.split(" is ")[0] for problem in target_size(tab, DESKTOP)] == [
        '<a> "a"',
        '<a> "b"',
    ]
    assert forced_colours(tab) == [
        '<input.flat> "namn" has no border or outline',
        '<button.flat> "Skicka" has no border or outline',
        '<a.here> "Här", the current page, looks like the other links',
    ]
