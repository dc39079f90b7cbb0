"""The badge pages on their own: markup typed in any text field is shown inert, and reading changes nothing.

(The project-wide tests in tests/security cover the same with every app; these keep the badges'
guarantee visible, and running, whatever the state of the other apps.)
"""

import hashlib

import pytest
from django.urls import reverse

from tremplin.badges import services
from tremplin.badges.factories import AchievementFactory, IssuerFactory
from tremplin.badges.models import Achievement, Award, DidMethod, Issuer, SigningKey
from tremplin.consent.factories import ConsentFactory
from tremplin.consent.models import ConsentKind
from tremplin.people.models import Person

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def world(structure, pathway, counsellor):
    issuer = IssuerFactory(structure=structure, did_method=DidMethod.WEB)
    achievement = AchievementFactory(structure=structure)
    award = services.award_badge(achievement, pathway, by=counsellor, level=3)
    ConsentFactory(person=pathway.person, kind=ConsentKind.PUBLIC_BADGE)
    return {"issuer": issuer, "achievement": achievement, "award": award, "pathway": pathway}


def pages(world) -> list[str]:
    award, pathway = world["award"], world["pathway"]
    return [
        reverse("badges:achievements"),
        reverse("badges:issuer"),
        reverse("badges:achievement_create"),
        reverse("badges:achievement_edit", args=[world["achievement"].public_id]),
        reverse("badges:bulk"),
        reverse("badges:pathway", args=[pathway.public_id]),
        reverse("badges:award_create", args=[pathway.public_id]),
        reverse("badges:award", args=[award.public_id]),
        reverse("badges:verify", args=[award.public_id]),
        reverse("people:detail", args=[pathway.person.public_id]),
    ]


def test_markup_in_any_badge_field_is_escaped(client, world, director):
    Issuer.objects.update(name=PAYLOAD, description=PAYLOAD)
    Achievement.objects.update(name=PAYLOAD, description=PAYLOAD, criteria=PAYLOAD, alignment_name=PAYLOAD)
    Award.objects.update(revocation_reason=PAYLOAD)
    Person.objects.update(first_name=PAYLOAD)
    client.force_login(director)
    for url in pages(world):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "<script>alert(1)" not in body and "<img src=x onerror" not in body, url
    svg = client.get(reverse("badges:award_svg", args=[world["award"].public_id])).content.decode()
    assert "<script>alert(1)" not in svg


def test_a_new_credential_carries_typed_markup_as_inert_text(client, structure, issuer, pathway, director):
    achievement = AchievementFactory(structure=structure, name=PAYLOAD)
    award = services.award_badge(achievement, pathway, by=director)
    assert award.credential["credentialSubject"]["achievement"]["name"] == PAYLOAD
    client.force_login(director)
    for name in ("badges:award", "badges:verify"):
        body = client.get(reverse(name, args=[award.public_id])).content.decode()
        assert "<script>alert(1)" not in body
    svg = client.get(reverse("badges:award_svg", args=[award.public_id])).content.decode()
    assert "<script>alert(1)" not in svg and "&lt;script&gt;" in svg


def digest() -> str:
    rows = []
    for model in (Issuer, SigningKey, Achievement, Award):
        rows.append(list(model.objects.order_by("pk").values_list()))
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_reading_every_badge_page_changes_no_badge_row(client, world, director, member):
    from tremplin.accounts.roles import Role

    before = digest()
    for user in (director, member(Role.COUNSELLOR), member(Role.SUPERVISOR), None):
        client.logout()
        if user:
            client.force_login(user)
        for url in pages(world) + [
            reverse("badges:award_json", args=[world["award"].public_id]),
            reverse("badges:award_png", args=[world["award"].public_id]),
            reverse("badges:did_document", args=[world["issuer"].public_id]),
        ]:
            assert client.get(url).status_code < 500, url
    assert digest() == before
