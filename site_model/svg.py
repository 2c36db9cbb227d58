"""Is an editor's SVG safe to publish as it is, and what size should its <img> get?

An SVG is published unchanged at a public address, and a <script> in it runs in the site's
origin when the file is opened on its own. So an SVG that holds anything active is refused,
each thing named with its line in the SVG file. The fix we tell editors: remove it in the
drawing program, or export the drawing as PNG (a "plain SVG" export keeps scripts).

Our own code, not a whitelist sanitiser: one that rewrites the file would silently change
the editor's drawing. defusedxml's expat reads the file, so entity declarations (billion
laughs) and external entities are refused too.

Unsafe: <script>, <foreignObject>, <iframe>, <embed>, <object>, any HTML element, and any
other non-SVG element unless it is in an editor's namespace (EDITORS: Inkscape, Sodipodi,
Adobe, RDF, Dublin Core, Creative Commons) or inside <metadata>; on* attributes; an href
that is neither #id nor a PNG/JPEG/GIF/WebP data: URI; CSS with url() to anything but #id,
image-set(), @import or javascript:; <set>/<animate> of an href. What a refused element
holds is not reported again: removing the element removes it.
"""

import io
import re
from xml.parsers import expat
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.expatreader import DefusedExpatParser

SVG, XHTML = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"
EDITORS = (  # what Inkscape and Illustrator keep for themselves; browsers ignore it
    "http://www.inkscape.org/namespaces/",
    "http://sodipodi.sourceforge.net/",
    "http://ns.adobe.com/",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
)
ACTIVE = {"script": "ett <script>-element", "iframe": "ett <iframe>-element"}
ACTIVE |= {"embed": "ett <embed>-element", "object": "ett <object>-element"}
ACTIVE["foreignObject"] = "ett <foreignObject>-element (HTML inuti bilden)"
# Not data:image/svg+xml: that is an SVG of its own, which can hold script.
SAFE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp)[;,]", re.I)
# What makes CSS load another file (image-set() takes plain strings too) or run script.
CSS_RISK = re.compile(
    r"(?i)url\((?![\s'\"]*#)\s*['\"]?\s*([^'\")\s]*)|image-set|@import|javascript:"
)
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t]?|(.))")  # u\72l( is url( too
URL_NOISE = re.compile(r"[\x00-\x20]")  # browsers drop these: "java\tscript:" runs
TAG = re.compile(r"<([^\s/>]+)")
SIZE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:px)?\s*")


def svg_problems(path) -> list[tuple[int, str]]:
    """(line, what) for each unsafe thing found in the SVG file at path, in file order;
    [] when safe."""
    return sorted(_scan(path).problems, key=lambda problem: problem[0])


def svg_size(path) -> tuple[int, int] | None:
    """(width, height) in CSS px the <img> should get, as a browser sizes the file: from the
    width and height attributes when they are plain numbers or px; one of them with the
    viewBox's proportions; else the viewBox's size; None when nothing gives a size."""
    root = _scan(path).root or {}
    width, height = (_px(root.get(name, "")) for name in ("width", "height"))
    try:
        box = [float(size) for size in re.split(r"[\s,]+", root["viewBox"].strip())[2:]]
        box_width, box_height = box
    except (KeyError, ValueError):  # no viewBox, or not four numbers
        box_width = box_height = None
    proportions = box_width and box_height  # both non-zero
    if width and not height and proportions:
        height = width * box_height / box_width
    elif height and not width and proportions:
        width = height * box_width / box_height
    elif not (width and height):
        width, height = box_width, box_height
    if not (width and height and 0 < width < 1e6 and 0 < height < 1e6):
        return None  # nothing to size by, or nonsense (negative, infinite)
    return max(1, round(width)), max(1, round(height))


def _px(value):
    """A length in CSS px, or None for %, cm and the like (the viewBox decides then)."""
    match = SIZE.fullmatch(value)
    return float(match[1]) if match and float(match[1]) > 0 else None


def _scan(path):
    with open(path, "rb") as file:
        data = file.read()
    scan = _Scan(data.decode("utf-8", "replace"))  # one character each, as expat counts
    parser = _Parser()
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(scan)
    try:
        parser.parse(io.BytesIO(data))
    except SAXParseException as error:
        scan.refuse(error.getLineNumber(), error.getMessage())
    except EntitiesForbidden:
        scan.refuse(scan.locator.getLineNumber(), "den deklarerar XML-entiteter")
    except DefusedXmlException:
        scan.refuse(scan.locator.getLineNumber(), "den hänvisar till en annan fil")
    return scan


def _css(css):
    """(lines before it, how) for each way the CSS loads another file or runs script."""
    css = CSS_ESCAPE.sub(lambda m: chr(min(int(m[1], 16), 0x10FFFF)) if m[1] else m[2], css)
    for match in CSS_RISK.finditer(css):
        lines = css.count("\n", 0, match.start())
        if match[0].lower() == "javascript:":
            yield lines, "med en javascript:-länk"
        else:
            found = f"url({_short(match[1])})" if match[1] is not None else match[0].lower()
            yield lines, f"som hämtar en annan fil ({found})"


def _short(value, limit=40):
    value = value.strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


class _Parser(DefusedExpatParser):
    def reset(self):
        super().reset()
        # The <!DOCTYPE svg PUBLIC … svg11.dtd> of older exports names a DTD that browsers
        # never fetch: so we neither fetch it nor refuse the file (defusedxml would).
        self._parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)


class _Scan(ContentHandler):
    """Collects problems while expat reads the file, and the root element's attributes."""

    def __init__(self, text):
        super().__init__()
        # Lines as expat counts them: not at U+2028 and the like, as str.splitlines does.
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.problems, self.root = [], None
        self.refused = self.metadata = 0  # depth inside a refused element / inside <metadata>
        self.style = None  # [first line, text] while inside a <style>

    def setDocumentLocator(self, locator):
        self.locator = locator

    def refuse(self, line, why):
        self.problems.append((line or 1, f"något som gör filen oläslig som SVG ({why})"))

    def startElementNS(self, name, qname, attrs):
        line, column = self.locator.getLineNumber(), self.locator.getColumnNumber()
        what = not self.refused and self._element(*name, TAG.match(self.lines[line - 1], column))
        if self.refused or what:  # removing a refused element removes what it holds
            self.problems += [(line, what)] if what else []
            self.refused += 1
            return
        self.metadata += bool(self.metadata or name == (SVG, "metadata"))
        self.style = [None, ""] if name == (SVG, "style") else None
        if self.root is None:
            self.root = {attr: value for (uri, attr), value in attrs.items() if not uri}
        for key, value in attrs.items():
            qname = attrs.getQNameByName(key)
            what = self._attribute(name[1], qname, key[1], value)
            self.problems += [(self._line_of(qname, line, column), what)] if what else []

    def endElementNS(self, name, qname):
        if self.refused:
            self.refused -= 1
            return
        self.metadata -= bool(self.metadata)
        if self.style and self.style[0]:
            start, css = self.style
            self.problems += [
                (start + lines, f"ett <style>-element {how}") for lines, how in _css(css)
            ]
        self.style = None

    def characters(self, content):
        if self.style is not None:
            self.style[0] = self.style[0] or self.locator.getLineNumber()
            self.style[1] += content

    def _element(self, uri, local, tag):
        tag = tag[1] if tag else local  # as the editor's file spells it, prefix and all
        if uri == XHTML or (uri == SVG and local in ACTIVE):  # others' <script> never runs
            return ACTIVE.get(local, f"ett HTML-element (<{tag}>)")
        if uri != SVG and not self.metadata and not (uri or "").startswith(EDITORS):
            where = f"namnrymd {uri}" if uri else f'inget xmlns="{SVG}"'
            return f"ett <{tag}>-element som inte är SVG ({where})"
        return None

    def _attribute(self, element, qname, local, value):
        url = URL_NOISE.sub("", value).lower()
        if local.lower().startswith("on"):
            return f'en händelsehanterare ({qname}="…")'
        if local == "style" or "url(" in url:  # fill="url(…)", filter=, cursor= too
            where = "ett style-attribut" if local == "style" else f"attributet {qname}"
            return next((f"{where} {how}" for _, how in _css(value)), None)
        if element in ("set", "animate") and local == "attributeName" and url.endswith("href"):
            return f'en animering som ändrar en länk (<{element} attributeName="{value}">)'
        if local != "href" or not url or url.startswith("#") or SAFE_DATA.match(url):
            return None
        if url.startswith("javascript:"):
            return f"en javascript:-länk ({qname})"
        kind = "en länk till en annan fil eller webbplats"
        if url.startswith("data:"):
            kind = "en inbäddad fil som inte är PNG, JPEG, GIF eller WebP"
        return f'{kind} ({qname}="{_short(value)}")'

    def _line_of(self, qname, line, column):
        """expat gives only the element's line; Inkscape puts each attribute on its own."""
        pattern = re.compile(rf"(?:^|\s){re.escape(qname)}\s*=")
        for number in range(line, len(self.lines) + 1):
            if pattern.search(self.lines[number - 1], column if number == line else 0):
                return number
        return line
