"""An editor's SVG is published only when nothing in it can run or load another file; each
thing found is named with its line in the SVG, and drawing programs' own markup passes."""

import time

import pytest

from site_model.svg import svg_problems, svg_size

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'

LOGO = f"""<?xml version="1.0" encoding="UTF-8"?>
{SVG_OPEN} viewBox="0 0 240.4 80.6">
  <title>EPM</title>
  <rect width="240" height="80" fill="#5a7d6a"/>
</svg>
"""

INKSCAPE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg
   width="210mm"
   height="297mm"
   viewBox="0 0 210 297"
   version="1.1"
   id="svg5"
   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)"
   sodipodi:docname="logo.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview
     id="namedview7"
     pagecolor="#ffffff"
     inkscape:pageshadow="2"
     inkscape:zoom="0.72"
     inkscape:current-layer="layer1" />
  <defs id="defs2">
    <linearGradient inkscape:collect="always" id="grad">
      <stop style="stop-color:#5a7d6a;stop-opacity:1" offset="0" id="stop1" />
    </linearGradient>
  </defs>
  <metadata id="metadata5">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" />
        <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/" />
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g inkscape:label="Lager 1" inkscape:groupmode="layer" id="layer1">
    <path
       style="fill:url(#grad);stroke:#000000;stroke-width:0.264583"
       d="M 10,10 H 200 V 287 H 10 Z"
       id="rect1"
       sodipodi:nodetypes="ccccc" />
    <use xlink:href="#rect1" xmlns:xlink="http://www.w3.org/1999/xlink" />
  </g>
</svg>
"""

# Illustrator: Export As → SVG gives plain SVG with a class-based <style>; the older
# Save As writes the SVG 1.1 DOCTYPE, Adobe namespaces, i:* attributes and the <i:pgf>
# with the editing data (here with the namespaces written out, not as DTD entities).
ILLUSTRATOR = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
{SVG_OPEN} xmlns:x="http://ns.adobe.com/Extensibility/1.0/"
     xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/"
     xmlns:graph="http://ns.adobe.com/Graphs/1.0/" version="1.1" id="Layer_1" x="0px"
     y="0px" viewBox="0 0 100 40" style="enable-background:new 0 0 100 40;"
     xml:space="preserve">
<metadata>
  <sfw xmlns="http://ns.adobe.com/SaveForWeb/1.0/"><slices/></sfw>
</metadata>
<style type="text/css">
  .st0{{fill:#5A7D6A;}}
  .st1{{font-family:'MyriadPro-Regular';font-size:12px;}}
</style>
<switch>
  <g i:extraneous="self">
    <g id="Lager_1" i:layer="yes" i:dimmedPercent="50" i:rgbTrio="#4F008000FFFF">
      <rect class="st0" width="100" height="40" i:knockout="Off"/>
      <text transform="matrix(1 0 0 1 10 25)" class="st1">EPM</text>
    </g>
  </g>
</switch>
<i:pgf id="adobe_illustrator_pgf">
  <![CDATA[
  eJzsvVmTHUeSLvbcZvwPpQfZiGbDbnFlvhOSm2dnKqQ
  ]]>
</i:pgf>
</svg>
"""


def write(tmp_path, text, name="drawing.svg"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def svg(body, attributes=' viewBox="0 0 10 10"'):
    """body starts on line 2: line 1 is the <svg> start tag."""
    return f"{SVG_OPEN}{attributes}>\n{body}\n</svg>\n"


def test_a_clean_logo_is_safe_and_sized_by_its_viewbox(tmp_path):
    path = write(tmp_path, LOGO)
    assert svg_problems(path) == []
    assert svg_size(path) == (240, 81)


@pytest.mark.parametrize(
    ("attributes", "size"),
    [
        (' width="120" height="40"', (120, 40)),
        (' width="120px" height="40.4px" viewBox="0 0 60 20"', (120, 40)),
        (' width="100%" height="100%" viewBox="0 0 300 150"', (300, 150)),
        (' width="10cm" height="5cm" viewBox="0 0 100 50"', (100, 50)),
        (' width="120" viewBox="0 0 60,20"', (120, 40)),  # the other side in proportion
        (' height="10" viewBox="0 0 60 20"', (30, 10)),
        (' width="120"', None),
        (' width="120" viewBox="0 0 0 20"', None),
        (' viewBox="0 0 1e999 10"', None),
        (' width="100%"', None),
        ("", None),
        (' viewBox="0 0 0 10"', None),
        (' viewBox="0 0 wide 10"', None),
    ],
)
def test_size_from_width_and_height_else_the_viewbox(tmp_path, attributes, size):
    assert svg_size(write(tmp_path, svg("<rect/>", attributes))) == size


def test_an_inkscape_file_is_safe(tmp_path):
    path = write(tmp_path, INKSCAPE)
    assert svg_problems(path) == []
    assert svg_size(path) == (210, 297)  # mm is not px: the viewBox gives the proportions


def test_an_illustrator_file_is_safe(tmp_path):
    path = write(tmp_path, ILLUSTRATOR)
    assert svg_problems(path) == []
    assert svg_size(path) == (100, 40)


@pytest.mark.parametrize(
    ("body", "line", "what"),
    [
        ("<g>\n<script>alert(1)</script></g>", 3, "ett <script>-element"),
        ('<script xlink:href="x.js"/>', 2, "ett <script>-element"),
        (
            '<foreignObject width="9" height="9">\n<p xmlns="http://www.w3.org/1999/xhtml">'
            "Hej</p></foreignObject>",
            2,
            "ett <foreignObject>-element (HTML inuti bilden)",
        ),
        ('<iframe src="https://example.org"/>', 2, "ett <iframe>-element"),
        ('<embed src="x.swf"/>', 2, "ett <embed>-element"),
        ('<object data="x.html"/>', 2, "ett <object>-element"),
        (
            '<h:div xmlns:h="http://www.w3.org/1999/xhtml">Hej</h:div>',
            2,
            "ett HTML-element (<h:div>)",
        ),
        (
            '<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"/>',
            2,
            "ett <m:math>-element som inte är SVG (namnrymd http://www.w3.org/1998/Math/MathML)",
        ),
        ('<rect\n  width="4"\n  onclick="steal()"/>', 4, 'en händelsehanterare (onclick="…")'),
        (
            '<image href="https://example.org/x.png"/>',
            2,
            "en länk till en annan fil eller webbplats (href=",
        ),
        (
            '<image xlink:href="../secret.png"/>',
            2,
            "en länk till en annan fil eller webbplats (xlink:href=",
        ),
        (
            '<use href="other.svg#logo"/>',
            2,
            'en länk till en annan fil eller webbplats (href="other.svg#logo")',
        ),
        ('<a href="javascript:alert(1)"><rect/></a>', 2, "en javascript:-länk (href)"),
        ('<a xlink:href=" JAVA\tSCRIPT:alert(1)"/>', 2, "en javascript:-länk (xlink:href)"),
        (
            '<image href="data:image/svg+xml;base64,PHN2Zz4="/>',
            2,
            "en inbäddad fil som inte är PNG, JPEG, GIF eller WebP",
        ),
        (
            "<style>\n.a { fill: #000 }\n.b { background: url(https://example.org/t.png) }\n"
            "</style>",
            4,
            "ett <style>-element som hämtar en annan fil (url(https://example.org/t.png))",
        ),
        (
            "<style><![CDATA[\n@import 'https://example.org/x.css';\n]]></style>",
            3,
            "ett <style>-element som hämtar en annan fil (@import)",
        ),
        (
            '<style>.b { background: u\\72l("x.png") }</style>',
            2,
            "ett <style>-element som hämtar en annan fil (url(x.png))",
        ),
        (
            "<rect\n style=\"fill:url( 'https://example.org/p.svg#g' )\"/>",
            3,
            "ett style-attribut som hämtar en annan fil (url(https://example.org/p.svg#g))",
        ),
        (
            '<rect\n  filter="url(https://example.org/f.svg#blur)"/>',
            3,
            "attributet filter som hämtar en annan fil (url(https://example.org/f.svg#blur))",
        ),
        (
            '<rect style="background:javascript:x()"/>',
            2,
            "ett style-attribut med en javascript:-länk",
        ),
        (
            '<a><set attributeName="href" to="javascript:alert(1)"/></a>',
            2,
            'en animering som ändrar en länk (<set attributeName="href">)',
        ),
        (
            '<a><animate attributeName="xlink:href" values="#a;https://x.org"/></a>',
            2,
            'en animering som ändrar en länk (<animate attributeName="xlink:href">)',
        ),
    ],
)
def test_each_unsafe_thing_is_named_at_its_line(tmp_path, body, line, what):
    [(found_line, found)] = svg_problems(write(tmp_path, svg(body)))
    assert found_line == line
    assert found.startswith(what)


def test_problems_come_in_file_order_each_once(tmp_path):
    drawing = f"""{SVG_OPEN} viewBox="0 0 10 10">
  <title>Logo</title>
  <g>
    <rect width="10" height="10"/>
    <script>fetch("/admin")</script>
  </g>
  <switch>
    <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://example.org"/></foreignObject>
  </switch>
  <rect onload="x()" style="fill:url(https://example.org/x)"/>
</svg>
"""
    assert svg_problems(write(tmp_path, drawing)) == [
        (5, "ett <script>-element"),
        (8, "ett <foreignObject>-element (HTML inuti bilden)"),  # its <iframe> goes with it
        (10, 'en händelsehanterare (onload="…")'),
        (10, "ett style-attribut som hämtar en annan fil (url(https://example.org/x))"),
    ]


def test_a_svg_without_its_namespace_is_refused(tmp_path):
    path = write(tmp_path, '<svg viewBox="0 0 10 10"><rect/></svg>')
    assert svg_problems(path) == [
        (1, 'ett <svg>-element som inte är SVG (inget xmlns="http://www.w3.org/2000/svg")')
    ]


@pytest.mark.parametrize(
    "body",
    [
        '<use href="#a"/>',
        '<use xlink:href="#a"/>',
        '<image href="data:image/png;base64,iVBORw0KGgo="/>',
        '<image xlink:href="data:image/jpeg;base64,/9j/4AAQ"/>',
        '<rect id="a" fill="url(#g)" style="fill:url( \'#g\' );filter:url(#f)"/>',
        "<style>.a{fill:url(#g)} .b{font-family:'Open Sans'}</style>",
        '<set attributeName="fill" to="red"/>',
        '<metadata><x:anything xmlns:x="urn:example:editor"/></metadata>',
    ],
)
def test_references_within_the_drawing_and_embedded_pictures_are_safe(tmp_path, body):
    assert svg_problems(write(tmp_path, svg(body))) == []


def test_a_billion_laughs_is_refused_without_expanding(tmp_path):
    entities = '<!ENTITY lol "lol">\n' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">\n' for i in range(1, 10)
    )
    path = write(
        tmp_path, f'<?xml version="1.0"?>\n<!DOCTYPE svg [\n{entities}]>\n' + svg("&lol9;")
    )
    started = time.monotonic()
    assert svg_problems(path) == [
        (3, "något som gör filen oläslig som SVG (den deklarerar XML-entiteter)")
    ]
    assert time.monotonic() - started < 1


def test_an_external_entity_is_refused(tmp_path):
    path = write(
        tmp_path,
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
        + svg("<text>&x;</text>"),
    )
    assert svg_problems(path) == [
        (3, "något som gör filen oläslig som SVG (den deklarerar XML-entiteter)")
    ]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (svg("<g>\n<rect>\n</g>"), 4),
        (b"\x89PNG\r\n\x1a\n", 1),
        (b"", 1),
    ],
)
def test_a_file_that_is_not_xml_is_refused_at_its_line(tmp_path, data, line):
    path = tmp_path / "drawing.svg"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    [(found_line, what)] = svg_problems(path)
    assert found_line == line
    assert what.startswith("något som gör filen oläslig som SVG (")


def test_lines_count_characters_not_bytes(tmp_path):
    # expat's columns count characters: were they taken as bytes, the second <rect> would
    # seem to start 30 bytes earlier, and the first one's onclick be taken for its own.
    body = f'<text>{"åäö" * 10}</text><rect onclick="x()"/><rect id="b"\n onclick="y()"/>'
    assert svg_problems(write(tmp_path, svg(body))) == [
        (2, 'en händelsehanterare (onclick="…")'),
        (3, 'en händelsehanterare (onclick="…")'),
    ]
