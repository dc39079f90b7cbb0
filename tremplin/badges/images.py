"""Badge images: a generated SVG when none is uploaded, and the "baked" images that carry the
credential inside (Open Badges 3.0 baking: SVG <openbadges:credential>, PNG iTXt "openbadgecredential")."""

import hashlib
import io
import json
import re
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, PngImagePlugin

PALETTE = ["#1d4e89", "#00704a", "#7a2e8e", "#9c4a00", "#005f73", "#8a1c3c"]
OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
PNG_KEYWORD = "openbadgecredential"
MAX_UPLOAD = 256 * 1024
# Scripts, event handlers, embedded HTML or external references have no place in a badge image.
ACTIVE_SVG = re.compile(
    rb"<script|<foreignobject|javascript:|\son[a-z]+\s*=|<!entity|href\s*=\s*[\"']\s*(?!#|data:image/)", re.I
)


def _colour(seed: str) -> str:
    return PALETTE[int(hashlib.sha256(seed.encode()).hexdigest(), 16) % len(PALETTE)]


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:3]).upper() or "B"


def generated_svg(name: str, seed: str) -> bytes:
    """A round badge with the name's initials: readable, printable, no external resource."""
    colour = _colour(seed)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img">'
        f"<title>{escape(name)}</title>"
        f'<circle cx="120" cy="120" r="112" fill="{colour}"/>'
        '<circle cx="120" cy="120" r="96" fill="none" stroke="#ffffff" stroke-width="6"/>'
        '<text x="120" y="140" font-family="sans-serif" font-size="64" font-weight="bold" '
        f'text-anchor="middle" fill="#ffffff">{escape(initials(name))}</text>'
        "</svg>"
    ).encode()


def generated_png(name: str, seed: str) -> bytes:
    image = Image.new("RGBA", (240, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 232, 232), fill=_colour(seed))
    draw.ellipse((24, 24, 216, 216), outline="#ffffff", width=6)
    draw.text((120, 120), initials(name), fill="#ffffff", anchor="mm", font_size=64)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def bake_svg(svg: bytes, credential: dict) -> bytes:
    """The SVG with the credential as the text of an <openbadges:credential> element."""
    text = svg.decode("utf-8")
    start = text.index("<svg")
    end = text.index(">", start)
    tag = text[start:end]
    if "xmlns:openbadges" not in tag:
        tag += f' xmlns:openbadges="{OB_NAMESPACE}"'
    payload = escape(json.dumps(credential, ensure_ascii=False))
    return (
        text[:start] + tag + f"><openbadges:credential>{payload}</openbadges:credential>" + text[end + 1 :]
    ).encode()


def unbake_svg(svg: bytes) -> dict:
    from xml.etree import ElementTree

    root = ElementTree.fromstring(svg)  # noqa: S314 - our own output, read back in tests
    element = root.find(f"{{{OB_NAMESPACE}}}credential")
    return json.loads(element.text)


def bake_png(png: bytes, credential: dict) -> bytes:
    """The PNG with the credential in an uncompressed iTXt chunk keyed "openbadgecredential"."""
    image = Image.open(io.BytesIO(png))
    info = PngImagePlugin.PngInfo()
    info.add_itxt(PNG_KEYWORD, json.dumps(credential, ensure_ascii=False), zip=False)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def unbake_png(png: bytes) -> dict:
    image = Image.open(io.BytesIO(png))
    image.load()
    return json.loads(image.text[PNG_KEYWORD])


def check_upload(data: bytes) -> str:
    """The media type of an uploaded badge image (PNG or SVG), or ValueError."""
    if len(data) > MAX_UPLOAD:
        raise ValueError("too large")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        Image.open(io.BytesIO(data)).verify()
        return "image/png"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:2048].lower():
        if ACTIVE_SVG.search(data):
            raise ValueError("active content")
        return "image/svg+xml"
    raise ValueError("not an image")
