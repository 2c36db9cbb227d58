"""The pure functions the plugins are built of, each alone (no build, no browser): when one
of these breaks, the failure names the function, not a page.

Slugs and addresses (content_checks), the image `sizes` and <picture> (content_images),
the colour conversion (content_images.colour), the Content-Security-Policy
(security_headers) and the JSON-LD breadcrumbs (structured_data).
"""

import pytest
from pelican.settings import read_settings
from PIL import Image

from conftest import ROOT
from plugins.content_images.colour import ImageTrouble, flatten, to_web
from plugins.content_images.markup import COLUMN_SIZES, picture, sizes
from plugins.content_images.variants import Variants
from plugins.security_headers import directives
from plugins.structured_data import breadcrumbs
from site_model.addresses import file_slug, is_address
from site_model.csp import meta_policy, policy


@pytest.mark.parametrize(
    ("stem", "slug"),
    [
        ("Foto från mobilen", "foto-fran-mobilen"),
        ("IMG_1234", "img_1234"),
        ("Ledarskap i förändring", "ledarskap-i-forandring"),
        ("Coaching & mentorskap", "coaching-mentorskap"),
    ],
)
def test_a_file_name_becomes_the_address_editors_expect(stem, slug):
    settings = read_settings(str(ROOT / "pelican.conf.py"))  # with Pelican's defaults
    assert file_slug(stem, settings) == slug


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("artiklar/gammal-adress/", True),
        ("gammal-sida.html", True),
        ("/artiklar/x/", False),  # no / first
        ("https://www.epm.se/x/", False),  # not another site
        ("www.epm.se/x/", False),  # a domain
        ("artiklar/x", False),  # a folder ends with /
        ("artiklar/x/?a=1", False),
    ],
)
def test_what_counts_as_an_address_of_this_site(text, ok):
    assert is_address(text) is ok


def test_an_image_narrower_than_the_column_is_shown_at_its_own_width():
    assert sizes(1440) == COLUMN_SIZES == "(min-width: 45rem) 42rem, calc(100vw - 3rem)"
    assert sizes(400) == "(min-width: 448px) 400px, calc(100vw - 3rem)"


def test_a_picture_keeps_the_editors_alt_and_sets_size_sources_and_loading(tmp_path):
    made = Variants(tmp_path, "k", 2000, 1000, "AVIF", "JPEG", (360, 720, 1080, 1440))
    html = picture(
        '<img alt="Två coacher" src="{static}x.jpg" width="9">',
        made,
        lambda image_format, width: f"/x-{width}.{image_format.lower()}",
        {"loading": "lazy"},
    )
    assert html.startswith('<picture><source type="image/avif" srcset="/x-360.avif 360w, ')
    assert 'alt="Två coacher"' in html and 'loading="lazy"' in html
    assert 'width="1440" height="720"' in html and 'src="/x-1080.jpeg"' in html


def test_colour_mistakes_are_refused_and_transparency_laid_on_the_page():
    with pytest.raises(ImageTrouble, match="i CMYK för tryck och saknar färgprofil"):
        to_web(Image.new("CMYK", (4, 4), (0, 0, 0, 255)))
    half = Image.new("RGBA", (2, 1), (0, 0, 0, 0))
    half.putpixel((0, 0), (200, 60, 40, 255))
    flat = flatten(to_web(half), "#faf8f4")
    assert (flat.mode, flat.getpixel((0, 0)), flat.getpixel((1, 0))) == (
        "RGB",
        (200, 60, 40),
        (250, 248, 244),
    )
    opaque = to_web(Image.new("RGBA", (2, 2), (1, 2, 3, 255)))
    assert opaque.mode == "RGB"  # an alpha used nowhere is dropped


def test_the_policy_allows_only_the_form_service_beyond_the_site():
    settings = {
        "CONTACT_FORM_ENDPOINT": "https://formspree.io/f/abc",
        "INLINE_CSS_HASH": "'sha256-css'",
        "INLINE_JS_HASH": "'sha256-js'",
    }
    rules = directives(settings)
    assert rules["default-src"] == "'none'"
    assert rules["connect-src"] == rules["form-action"] == "'self' https://formspree.io"
    assert policy({"a": "x", "b": "y z"}) == "a x; b y z"
    assert "frame-ancestors 'none'" in policy(rules)
    assert "frame-ancestors" not in meta_policy(rules)  # a <meta> policy cannot carry it


class Page:
    title = "Teamcoaching"


def test_the_breadcrumbs_follow_the_menu_to_the_page():
    context = {"MENU": [("Tjänster", "tjanster/"), ("Artiklar", "artiklar/")], "page": Page()}
    trail = breadcrumbs(context, "https://www.epm.se", "tjanster/teamcoaching/")
    assert [(item["name"], item["item"]) for item in trail["itemListElement"]] == [
        ("Start", "https://www.epm.se/"),
        ("Tjänster", "https://www.epm.se/tjanster/"),
        ("Teamcoaching", "https://www.epm.se/tjanster/teamcoaching/"),
    ]
    assert breadcrumbs(context, "https://www.epm.se", "") is None  # the start page
    assert breadcrumbs(context, "https://www.epm.se", "404.html") is None
