"""An allow-list sanitiser for uploaded badge SVGs: only drawing survives.

A badge image travels: inside credentials, into wallets, opened on its own in a browser where a
script would run. A deny-list always misses a way in (`<animate attributeName="href"
values="javascript:…">`, `<set attributeName="onmouseover">`), so the file is parsed (defusedxml:
no DTD, no entity, no external resource) and rebuilt from the elements and attributes listed
here; everything else is dropped. Links may only point inside the image (`#id`), and so may
`url(…)` in paint attributes and inline styles.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern",
}  # fmt: skip

PRESENTATION = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity",
    "color", "display", "visibility", "clip-path", "clip-rule", "mask", "transform",
    "font-family", "font-size", "font-weight", "font-style", "font-variant", "text-anchor",
    "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing",
    "text-decoration", "writing-mode", "stop-color", "stop-opacity", "paint-order", "vector-effect",
    "shape-rendering", "text-rendering",
}  # fmt: skip

ATTRIBUTES = PRESENTATION | {
    "id", "class", "style", "role", "aria-label", "aria-hidden", "lang", "version",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "dx", "dy", "rotate",
    "width", "height", "viewBox", "preserveAspectRatio", "d", "points", "pathLength",
    "offset", "gradientUnits", "gradientTransform", "spreadMethod",
    "clipPathUnits", "maskUnits", "maskContentUnits", "patternUnits", "patternContentUnits", "patternTransform",
    "textLength", "lengthAdjust", "startOffset", "href", f"{{{XML}}}lang", f"{{{XML}}}space",
}  # fmt: skip

FRAGMENT = re.compile(r"^#[A-Za-z_][\w.\-]*$")
URL = re.compile(r"url\s*\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
# In an inline style: no escapes (they hide words), no at-rule, no legacy script hooks, no markup.
BAD_STYLE = re.compile(r"\\|@|expression|javascript|behavior|-moz-binding|<", re.I)


class UnsafeSvg(ValueError):
    """Not an SVG document that can be read safely."""


def _only_local_urls(value: str) -> bool:
    return all(FRAGMENT.match(target.strip()) for _quote, target in URL.findall(value))


def _keep_attribute(name: str, value: str) -> tuple[str, str] | None:
    if name == f"{{{XLINK}}}href":
        name = "href"  # SVG 2 reads a plain href: one spelling to check and to write
    if name not in ATTRIBUTES:
        return None
    if name == "href":
        return (name, value.strip()) if FRAGMENT.match(value.strip()) else None
    if name == "style" and BAD_STYLE.search(value):
        return None
    if "url" in value.lower() and not _only_local_urls(value):
        return None
    return name, value


def _clean(element: ElementTree.Element) -> ElementTree.Element | None:
    if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{SVG}}}"):
        return None
    if element.tag[len(SVG) + 2 :] not in ELEMENTS:
        return None
    kept = ElementTree.Element(element.tag)
    for name, value in element.attrib.items():
        if (pair := _keep_attribute(name, value)) is not None:
            kept.set(*pair)
    kept.text = element.text
    for child in element:
        cleaned = _clean(child)
        if cleaned is not None:
            cleaned.tail = child.tail
            kept.append(cleaned)
        elif child.tail:  # the text after a dropped element stays, as text
            if len(kept):
                kept[-1].tail = (kept[-1].tail or "") + child.tail
            else:
                kept.text = (kept.text or "") + child.tail
    return kept


def sanitise(data: bytes) -> bytes:
    """The SVG rebuilt from allowed elements and attributes only; UnsafeSvg when it cannot be parsed."""
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise UnsafeSvg(str(error)) from None
    if root.tag != f"{{{SVG}}}svg":
        raise UnsafeSvg("the root element is not <svg> in the SVG namespace")
    out: list[str] = []
    _write(_clean(root), out, root=True)
    return "".join(out).encode("utf-8")


def _write(element: ElementTree.Element, out: list[str], *, root: bool = False) -> None:
    """Writes the cleaned tree: every element in the SVG namespace, only the attributes kept."""
    tag = element.tag[len(SVG) + 2 :]
    attributes = f' xmlns="{SVG}"' if root else ""
    for name, value in element.attrib.items():
        name = name.replace(f"{{{XML}}}", "xml:")
        attributes += f" {name}={quoteattr(value)}"
    if element.text is None and not len(element):
        out.append(f"<{tag}{attributes}/>")
    else:
        out.append(f"<{tag}{attributes}>{escape(element.text or '')}")
        for child in element:
            _write(child, out)
        out.append(f"</{tag}>")
    if element.tail and not root:
        out.append(escape(element.tail))
