"""A counsellor or a supervisor adds a competence of the structure's catalogue to an open session."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.competences import services
from tremplin.competences.factories import OwnCompetenceFactory
from tremplin.competences.models import Review, SelfMode

pytestmark = pytest.mark.django_db


def _raw(competences, values):
    return {str(c.public_id): v for c, v in zip(competences, values, strict=True)}


@pytest.mark.parametrize("role", ["counsellor", "supervisor"])
def test_a_basic_skill_is_added_to_a_session_with_no_level_yet(client, request, session, basic_skills, role):
    client.force_login(request.getfixturevalue(role))
    french = basic_skills["lang_fr_oral"]
    page = client.get(reverse("competences:session", args=[session.public_id])).content.decode()
    assert '<optgroup label="Langues (niveaux du CECRL)">' in page

    response = client.post(
        reverse("competences:competence_add", args=[session.public_id]), {"competence": str(french.public_id)}
    )

    assert response.status_code == 302
    score = session.scores.get(competence=french)
    assert score.self_level is None and score.coach_level is None
    assert score.position == 3  # after the three of the session


def test_adding_a_competence_reopens_the_coach_grid_and_keeps_its_levels(
    client, supervisor, session, soft_skills, basic_skills
):
    services.record_coach_levels(session, _raw(soft_skills, [1, 2, 3]), by=supervisor)
    client.force_login(supervisor)

    client.post(
        reverse("competences:competence_add", args=[session.public_id]),
        {"competence": str(basic_skills["clea_numeracy"].public_id)},
    )

    session.refresh_from_db()
    assert session.coach_completed_at is None
    assert sorted(session.scores.exclude(coach_level=None).values_list("coach_level", flat=True)) == [1, 2, 3]
    grid = client.get(reverse("competences:coach_grid", args=[session.public_id])).content.decode()
    assert "Calcul et raisonnement" in grid


def test_nothing_is_added_once_the_person_grid_is_in(client, counsellor, session, soft_skills, basic_skills):
    services.record_self_levels(session, _raw(soft_skills, [1, 2, 3]), mode=SelfMode.LINK)
    client.force_login(counsellor)

    page = client.get(reverse("competences:session", args=[session.public_id])).content.decode()
    client.post(
        reverse("competences:competence_add", args=[session.public_id]),
        {"competence": str(basic_skills["clea_numeracy"].public_id)},
    )

    assert "Compétence à ajouter" not in page
    assert session.scores.count() == 3


def test_a_pending_proposal_or_another_structure_competence_cannot_be_added(client, counsellor, session):
    pending = OwnCompetenceFactory(structure=session.pathway.structure, review=Review.PENDING, active=False)
    foreign = OwnCompetenceFactory()
    client.force_login(counsellor)

    for competence in (pending, foreign):
        client.post(
            reverse("competences:competence_add", args=[session.public_id]), {"competence": str(competence.public_id)}
        )

    assert session.scores.count() == 3


def test_a_competence_already_in_the_session_is_not_offered_again(session, soft_skills):
    assert not services.addable_competences(session).filter(pk__in=[c.pk for c in soft_skills]).exists()


def test_a_job_coach_reads_but_does_not_add(client, member, session, basic_skills):
    client.force_login(member(Role.JOB_COACH))

    response = client.post(
        reverse("competences:competence_add", args=[session.public_id]),
        {"competence": str(basic_skills["clea_numeracy"].public_id)},
    )

    assert response.status_code == 403
    assert session.scores.count() == 3


def test_a_session_of_another_structure_does_not_exist_for_a_counsellor(client, member, session, basic_skills):
    from tremplin.structures.factories import StructureFactory

    elsewhere = StructureFactory()
    client.force_login(member(Role.COUNSELLOR, elsewhere))

    response = client.post(
        reverse("competences:competence_add", args=[session.public_id]),
        {"competence": str(basic_skills["clea_numeracy"].public_id)},
    )

    assert response.status_code == 404
    assert session.scores.count() == 3
