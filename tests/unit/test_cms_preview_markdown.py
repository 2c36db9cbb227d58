"""The CMS's preview pane makes the same HTML of a text as the site's Markdown does.

plugins/admin/admin.js mirrors site_model/markdown.py in the browser (markdown-it, which
markdown-it-py ports, and the same plugins). Run by Node as /admin/ runs it
(tests/cms_preview_markdown.mjs), it renders every text the site has, the fixture site's,
every example of the CommonMark and GFM specs, and the site's own rules below; each must
come out byte for byte as the page's Markdown makes it. So a rule changed on one side only,
or a package on either side that renders differently, fails here with the text named; the
browser test (tests/browser/test_cms_preview_browser.py) shows the preview in Decap itself.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pelican.plugins.markdown_it_reader.markdown_it_reader import YAML_HEADER_RE

from conftest import require
from plugins.admin import HERE, OWN_FILES, PREVIEW_SCRIPTS
from site_model.markdown import markdown_parser

ROOT = Path(__file__).parents[2]
# The task list's check box is written `disabled=""` by the browser's plugin and
# `disabled="disabled"` by the site's: the same attribute (HTML's boolean attributes).
BOOLEAN_ATTRIBUTE = re.compile(r' (checked|disabled)="\1"')
SCRIPT = ROOT / "tests" / "cms_preview_markdown.mjs"
SPEC = json.loads((ROOT / "tests" / "data" / "commonmark_spec.json").read_text("utf-8"))
# What the site does on purpose, each written as an editor would.
SITE_RULES = {
    "Swedish quotes, dash, ellipsis": 'Vi sa "hej" och \'adjö\' -- sedan...\n\n`"kod" -- ...`',
    "no em dash, no ©": "--- och (c) och +-\n\n---",
    "www. and http addresses": "Se www.epm.se/om, https://epm.se och epm.se.",
    "Pelican's placeholders": "[Tjänst]({filename}../services/x.md) ![Foto]({static}/images/a.jpg)",
    "footnotes": "Text[^1] och mer[^note].\n\n[^1]: Ett.\n[^note]: Två\n    rader.",
    "task lists": "- [ ] att göra\n- [x] klart\n  - [ ] i listan",
    "section link": "{.section-link}\n[Läs mer]({filename}../services/x.md)",
    "class lines": "{ .section-link }\n\nText\n\n{.a}\n{.b}\nText\n\n{.section-link}\n---\n\n"
    "{.section-link}\n## Rubrik\n\n{.section-link}\n- [ ] a\n\n{.section-link}",
    "a photo named in Swedish": "![Björk]({static}/images/björk.jpg)",
    "aligned table": "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |",
    "heading ids": "## Så går det till\n\n## Så går det till\n\n### Ärende & åtgärd: 1!",
    "allowed inline HTML": "CO<sub>2</sub>, m<sup>2</sup><br>ny rad",
    "address lines": "EPM Coaching AB\\\nStorgatan 1  \nStockholm",
    # As the CMS's rich-text editor writes nested lists (tight), and loose lists by hand.
    "nested lists from the CMS": "* Ett\n\n  * a\n  * b\n* Två\n\n  - [x] c\n\n"
    "1. Ett\n\n   * a\n2. Två\n\n> * Ett\n>\n>   * a\n> * Två",
    "loose lists": "* a\n\n* b\n\n---\n\n* a\n\n  * b\n\n* c\n\n---\n\n* a\n  * b\n\n  c",
}


def texts():
    """{name: Markdown} of every text a preview might be given."""
    found = dict(SITE_RULES)
    for folder in [ROOT / "content", ROOT / "tests" / "fixtures" / "site"]:
        for file in sorted(folder.rglob("*.md")):
            match = YAML_HEADER_RE.fullmatch(file.read_text("utf-8"))
            found[str(file.relative_to(ROOT))] = match.group("content") if match else ""
    for example in SPEC:
        name = f"spec example {example['source']} {example['number']} ({example['section']})"
        found[name] = example["markdown"]
    return found


def preview_html(markdown_texts):
    require("node", shutil.which("node"), "install Node.js")
    scripts = [ROOT / "node_modules" / script for script in PREVIEW_SCRIPTS]
    require("the preview's npm packages", all(map(Path.is_file, scripts)), "run `npm ci`")
    scripts += [HERE / name for name in OWN_FILES]
    run = subprocess.run(
        ["node", str(SCRIPT), *map(str, scripts)],
        input=json.dumps(markdown_texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def rendered():
    """{name: (preview's HTML, page's HTML)}."""
    found = texts()
    previews = preview_html(list(found.values()))
    parser = markdown_parser()
    return {
        name: (preview, BOOLEAN_ATTRIBUTE.sub(r' \1=""', parser.render(text)))
        for (name, text), preview in zip(found.items(), previews, strict=True)
    }


def test_the_preview_renders_every_text_as_the_page_does(rendered):
    different = {name: pair for name, pair in rendered.items() if pair[0] != pair[1]}
    assert not different, (
        "\n\n".join(
            f"{name}:\n  preview: {preview!r}\n  page:    {page!r}"
            for name, (preview, page) in list(different.items())[:10]
        )
        + f"\n\n({len(different)} of {len(rendered)} texts differ)"
    )


def test_every_kind_of_text_was_compared(rendered):
    """The comparison covers the real articles and services, and the site's own rules."""
    assert any(name.startswith("content/articles/") for name in rendered)
    assert any(name.startswith("content/services/") for name in rendered)
    assert len([name for name in rendered if name.startswith("spec example")]) == len(SPEC) > 600
    page = {name: pair[1] for name, pair in rendered.items()}
    assert "”hej” och ’adjö’ – sedan…" in page["Swedish quotes, dash, ellipsis"]
    assert 'class="footnote-ref"' in page["footnotes"]
    assert '<p class="section-link">' in page["section link"]
