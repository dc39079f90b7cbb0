"""Uploaded badge images: an image bomb gets a form message, an SVG keeps its drawing and loses everything active."""

import struct
import zlib
from xml.etree.ElementTree import canonicalize

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tremplin.badges import images, svg
from tremplin.badges.models import Achievement
from tremplin.badges.tests.test_achievements import form_data

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 240 240">'

PAYLOADS = {
    "animate": '<a><animate attributeName="href" values="&#106;avascript:alert(1)"/><text>x</text></a>',
    "set": '<circle r="9"><set attributeName="onmouseover" to="alert(1)"/></circle>',
    "script": "<script>alert(1)</script>",
    "onload": '<circle r="9" onload="alert(1)"/>',
    "xlink": '<use xlink:href="javascript:alert(1)"/>',
    "external use": '<use href="http://evil.example/sprite.svg#a"/>',
    "foreignObject": "<foreignObject><iframe xmlns='http://www.w3.org/1999/xhtml' src='//evil.example'/></foreignObject>",
    "style url": '<rect width="9" height="9" style="fill: url(http://evil.example/x)"/>',
}
ACTIVE = ("javascript", "alert", "animate", "<set", "onmouseover", "onload", "script", "evil.example", "foreign")

LEGIT = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img">'
    "<title>Conduite d'engins</title>"
    '<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">'
    '<stop offset="0" stop-color="#1d4e89"/><stop offset="1" stop-color="#00704a" stop-opacity="0.8"/>'
    '</linearGradient><radialGradient id="glow" cx="0.5" cy="0.5" r="0.5">'
    '<stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>'
    '<clipPath id="round"><circle cx="120" cy="120" r="112"/></clipPath></defs>'
    '<g clip-path="url(#round)" transform="translate(0 0)">'
    '<rect width="240" height="240" fill="url(#sky)"/><circle cx="120" cy="90" r="60" fill="url(#glow)"/>'
    '<path id="ribbon" d="M20 200 Q120 160 220 200" fill="none" stroke="#ffffff" stroke-width="6"/>'
    '<polygon points="120,40 135,80 105,80" fill="#9c4a00"/></g>'
    '<use href="#ribbon" transform="translate(0 10)" opacity="0.5"/>'
    '<text x="120" y="140" font-family="sans-serif" font-size="32" font-weight="bold" text-anchor="middle" '
    'fill="#ffffff">Engins <tspan font-style="italic" dy="4">niveau 3</tspan> &amp; sécurité</text>'
    "</svg>"
)


def png_bomb(width: int, height: int) -> bytes:
    """A few hundred bytes that declare width × height pixels of grey."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 10_000, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def upload(client, director, name: str, content: bytes):
    client.force_login(director)
    image = SimpleUploadedFile(name, content)
    return client.post(reverse("badges:achievement_create"), {**form_data(), "image_file": image})


def test_a_png_declaring_60000_by_60000_pixels_gets_a_form_message(client, structure, director):
    bomb = png_bomb(60000, 60000)
    assert len(bomb) < 1024

    response = upload(client, director, "badge.png", bomb)

    assert response.status_code == 200
    assert response.context["form"].errors["image_file"] == [
        "L'image mesure 60000 × 60000 pixels : au plus 2048 × 2048 pixels."
    ]
    assert not Achievement.objects.exists()


def test_a_png_whose_data_is_damaged_gets_a_form_message(client, structure, director):
    damaged = images.generated_png("Badge", "x")[:200]

    response = upload(client, director, "badge.png", damaged)

    assert "image_file" in response.context["form"].errors
    assert not Achievement.objects.exists()


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_an_uploaded_svg_keeps_nothing_active(client, structure, director, payload):
    response = upload(client, director, "badge.svg", f"{SVG_OPEN}{payload}</svg>".encode())

    assert response.status_code == 302
    stored = bytes(Achievement.objects.get().image).decode()
    assert stored.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    for word in ACTIVE:
        assert word not in stored.lower(), word


def test_a_legitimate_badge_svg_keeps_its_shapes_text_and_gradients(client, structure, director):
    assert canonicalize(svg.sanitise(LEGIT.encode()).decode()) == canonicalize(LEGIT)

    upload(client, director, "badge.svg", LEGIT.encode())

    stored = bytes(Achievement.objects.get().image).decode()
    assert canonicalize(stored) == canonicalize(LEGIT)


def test_the_xlink_spelling_of_an_internal_link_is_kept_as_href():
    cleaned = svg.sanitise(f'{SVG_OPEN}<path id="p" d="M0 0"/><use xlink:href="#p"/></svg>'.encode())
    assert b'<use href="#p"/>' in cleaned


def test_a_document_type_or_entity_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    with pytest.raises(svg.UnsafeSvg):
        svg.sanitise(bomb)
    with pytest.raises(svg.UnsafeSvg):
        svg.sanitise(b"<svg><circle r='1'/></svg>")  # not in the SVG namespace: browsers would not draw it


def test_an_svg_stored_before_the_allow_list_is_cleaned_when_downloaded(client, structure, director, pathway):
    from tremplin.badges import services
    from tremplin.badges.factories import AchievementFactory, IssuerFactory

    IssuerFactory(structure=structure)
    achievement = AchievementFactory(structure=structure)
    Achievement.objects.filter(pk=achievement.pk).update(
        image=f"{SVG_OPEN}{PAYLOADS['set']}{PAYLOADS['animate']}</svg>".encode(), image_type="image/svg+xml"
    )
    award = services.award_badge(Achievement.objects.get(pk=achievement.pk), pathway, by=director)
    client.force_login(director)

    body = client.get(reverse("badges:award_svg", args=[award.public_id])).content.decode()

    assert "<set" not in body and "animate" not in body and "<circle" in body
