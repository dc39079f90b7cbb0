"""Badge images: a generated SVG when none is uploaded, and the "baked" images that carry the
credential inside (Open Badges 3.0 baking: SVG <openbadges:credential>, PNG iTXt "openbadgecredential")."""

import hashlib
import io
import json
import warnings
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, PngImagePlugin

from . import svg

PALETTE = ["#1d4e89", "#00704a", "#7a2e8e", "#9c4a00", "#005f73", "#8a1c3c"]
OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
PNG_KEYWORD = "openbadgecredential"
MAX_UPLOAD = 256 * 1024
# A badge is drawn at a few hundred pixels; 2048 a side is ample and decodes in 16 MB (RGBA).
MAX_SIDE = 2048
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ImageTooLarge(ValueError):
    """A PNG whose declared size would take too much memory to decode (an image bomb)."""

    def __init__(self, width: int, height: int):
        super().__init__(f"{width}x{height}")
        self.width, self.height = width, height


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


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's first chunk (IHDR), read before anything is decoded."""
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _check_png(data: bytes) -> None:
    width, height = png_size(data)
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise ImageTooLarge(width, height)
    # Pillow's own bomb guard stays on, as errors: no decompression past what the header allowed.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                if image.size != (width, height):
                    raise ValueError("inconsistent size")
                image.load()  # a truncated or damaged file fails here, not when the badge is downloaded
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageTooLarge(width, height) from None


def clean_upload(data: bytes) -> tuple[bytes, str]:
    """The image to keep and its media type (PNG as sent, SVG rebuilt from an allow-list), or ValueError."""
    if len(data) > MAX_UPLOAD:
        raise ValueError("too large")
    if data.startswith(PNG_SIGNATURE):
        _check_png(data)
        return data, "image/png"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:2048].lower():
        return svg.sanitise(data), "image/svg+xml"
    raise ValueError("not an image")
