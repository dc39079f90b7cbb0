"""Badge definitions: created by the direction, listed for those who award."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.badges import images
from tremplin.badges.factories import AchievementFactory
from tremplin.badges.models import Achievement
from tremplin.competences.factories import CompetenceFactory


def form_data(**overrides):
    data = {
        "name": "Conduite d'engins",
        "description": "Conduit la mini-pelle en sécurité.",
        "criteria": "Observé sur trois chantiers.",
        "competence": "",
        "alignment_framework": "",
        "alignment_code": "",
        "alignment_name": "",
        "alignment_url": "",
        "required_level": "3",
        "validity_months": "",
        "active": "on",
    }
    data.update(overrides)
    return data


def test_the_director_creates_a_badge_aligned_to_a_competence(client, structure, director):
    competence = CompetenceFactory(rome_code="KS0001", name="Sécurité")
    client.force_login(director)
    response = client.post(reverse("badges:achievement_create"), form_data(competence=competence.pk))
    assert response.status_code == 302
    achievement = Achievement.objects.get()
    assert achievement.structure == structure
    assert (achievement.alignment_framework, achievement.alignment_code) == ("ROME", "KS0001")


def test_a_required_level_outside_0_to_5_is_refused(client, structure, director):
    client.force_login(director)
    response = client.post(reverse("badges:achievement_create"), form_data(required_level="7"))
    assert "required_level" in response.context["form"].errors
    assert not Achievement.objects.exists()


def test_an_svg_with_a_script_is_kept_without_it(client, structure, director):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(director)
    evil = SimpleUploadedFile("b.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    client.post(reverse("badges:achievement_create"), {**form_data(), "image_file": evil})
    assert bytes(Achievement.objects.get().image) == b'<svg xmlns="http://www.w3.org/2000/svg"/>'


def test_a_png_image_is_kept(client, structure, director):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(director)
    png = SimpleUploadedFile("b.png", images.generated_png("Badge", "x"))
    client.post(reverse("badges:achievement_create"), {**form_data(), "image_file": png})
    assert Achievement.objects.get().image_type == "image/png"


def test_another_structures_badge_is_not_found(client, other_structure_user, structure):
    achievement = AchievementFactory(structure=structure)
    client.force_login(other_structure_user)
    assert client.get(reverse("badges:achievement_edit", args=[achievement.public_id])).status_code == 404


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR])
def test_those_who_award_see_the_list_but_cannot_edit(client, structure, member, role):
    achievement = AchievementFactory(structure=structure)
    client.force_login(member(role))
    assert achievement.name in client.get(reverse("badges:achievements")).content.decode()
    assert client.get(reverse("badges:achievement_edit", args=[achievement.public_id])).status_code == 403


def test_the_list_costs_the_same_queries_whatever_the_number_of_badges(
    client, structure, director, django_assert_num_queries
):
    client.force_login(director)
    AchievementFactory(structure=structure)
    client.get(reverse("badges:achievements"))
    with django_assert_num_queries(count := _count(client)):
        client.get(reverse("badges:achievements"))
    AchievementFactory.create_batch(5, structure=structure)
    with django_assert_num_queries(count):
        client.get(reverse("badges:achievements"))


def _count(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("badges:achievements"))
    return len(queries)
