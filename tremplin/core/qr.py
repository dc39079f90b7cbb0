"""QR codes drawn as inline SVG that scale without cropping.

segno writes a fixed width and height by default; once CSS resizes the box, a browser crops the drawing to it
and phones cannot scan the code. With `omitsize` the SVG carries a viewBox instead, so it scales as a whole,
quiet zone included.
"""

import io

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, label: str) -> SafeString:
    """An accessible, scalable QR code of `data` (an image named `label` for screen readers)."""
    buffer = io.BytesIO()
    segno.make(data, error="m").save(
        buffer,
        kind="svg",
        scale=4,
        border=4,
        dark="#000",
        light="#fff",
        xmldecl=False,
        svgns=True,
        omitsize=True,
        svgclass="qr",
    )
    svg = buffer.getvalue().decode()
    # segno escapes nothing of ours: `data` only sits inside the drawing's path, never in markup.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))  # noqa: S308
