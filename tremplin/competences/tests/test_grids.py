"""The two grids: entered independently, hidden from each other until both are in, then side by side."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.competences import services
from tremplin.competences.factories import CompetenceFactory, EvaluationSessionFactory, ScoreFactory
from tremplin.competences.models import EvaluationSession, SelfMode
from tremplin.timeline.models import EventKind, TimelineEvent

from .conftest import levels

pytestmark = pytest.mark.django_db


def _raw(competences, values):
    return {str(c.public_id): v for c, v in zip(competences, values, strict=True)}


def test_the_supervisor_fills_the_coach_grid(client, supervisor, session, soft_skills):
    client.force_login(supervisor)
    response = client.post(reverse("competences:coach_grid", args=[session.public_id]), levels(soft_skills, [1, 3, 4]))

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.coach_completed_at is not None
    assert sorted(session.scores.values_list("coach_level", flat=True)) == [1, 3, 4]


def test_the_coach_does_not_see_the_self_levels_before_filling_the_grid(client, supervisor, session, soft_skills):
    services.record_self_levels(session, _raw(soft_skills, [5, 5, 5]), mode=SelfMode.LINK)
    client.force_login(supervisor)

    detail = client.get(reverse("competences:session", args=[session.public_id])).content.decode()
    grid = client.get(reverse("competences:coach_grid", args=[session.public_id])).content.decode()

    assert "5/5" not in detail
    assert "levels-hidden" in detail
    assert "checked" not in grid


def test_the_coach_does_not_see_the_self_levels_after_filling_only_the_coach_grid(
    client, counsellor, session, soft_skills
):
    services.record_coach_levels(session, _raw(soft_skills, [2, 2, 2]), by=counsellor)
    client.force_login(counsellor)

    detail = client.get(reverse("competences:session", args=[session.public_id])).content.decode()

    assert "2/5" not in detail
    assert "side-by-side" not in detail


def test_once_both_grids_are_in_they_are_shown_side_by_side_with_the_gaps(client, supervisor, session, soft_skills):
    services.record_coach_levels(session, _raw(soft_skills, [1, 3, 4]), by=supervisor)
    services.record_self_levels(session, _raw(soft_skills, [4, 3, 3]), mode=SelfMode.LINK)
    client.force_login(supervisor)

    page = client.get(reverse("competences:session", args=[session.public_id])).content.decode()

    assert "side-by-side" in page
    assert page.count('class="gap-notable"') == 1
    assert "<svg" in page and "radar-self" in page


def test_a_level_outside_0_to_5_is_refused_and_nothing_is_saved(client, supervisor, session, soft_skills):
    client.force_login(supervisor)
    for bad in ("6", "-1", "deux", "2.5"):
        response = client.post(
            reverse("competences:coach_grid", args=[session.public_id]), levels(soft_skills, ["2", "3", bad])
        )
        assert response.status_code == 400
        assert "le niveau doit être un nombre entier de 0 à 5" in response.content.decode()
    session.refresh_from_db()
    assert session.coach_completed_at is None
    assert list(session.scores.values_list("coach_level", flat=True)) == [None, None, None]


def test_a_competence_not_in_the_session_is_refused_and_nothing_is_saved(client, supervisor, session, soft_skills):
    stranger = CompetenceFactory()
    data = {**levels(soft_skills, [2, 3, 4]), f"level-{stranger.public_id}": 3}
    client.force_login(supervisor)

    response = client.post(reverse("competences:coach_grid", args=[session.public_id]), data)

    assert response.status_code == 400
    assert "ne fait pas partie de la séance" in response.content.decode()
    session.refresh_from_db()
    assert session.coach_completed_at is None
    assert not session.scores.filter(coach_level__isnull=False).exists()


def test_a_grid_with_a_missing_level_names_the_competence(client, supervisor, session, soft_skills):
    client.force_login(supervisor)
    data = levels(soft_skills[:2], [2, 3])

    response = client.post(reverse("competences:coach_grid", args=[session.public_id]), data)

    assert response.status_code == 400
    assert f"{soft_skills[2].name} : choisissez un niveau." in response.content.decode()


def test_face_to_face_self_entry_is_recorded_as_such(client, counsellor, session, soft_skills):
    client.force_login(counsellor)
    response = client.post(
        reverse("competences:self_face_to_face", args=[session.public_id]), levels(soft_skills, [3, 3, 3])
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.self_mode == SelfMode.FACE_TO_FACE
    assert session.self_entered_by == counsellor


def test_the_self_grid_cannot_be_entered_twice(session, soft_skills, counsellor):
    services.record_self_levels(session, _raw(soft_skills, [3, 3, 3]), mode=SelfMode.LINK)
    with pytest.raises(Exception, match="déjà enregistrée"):
        services.record_self_levels(session, _raw(soft_skills, [1, 1, 1]), mode=SelfMode.FACE_TO_FACE, by=counsellor)
    assert sorted(session.scores.values_list("self_level", flat=True)) == [3, 3, 3]


def test_comments_are_saved_once_both_grids_are_in(client, supervisor, session, soft_skills):
    services.record_coach_levels(session, _raw(soft_skills, [1, 3, 4]), by=supervisor)
    client.force_login(supervisor)
    url = reverse("competences:comments", args=[session.public_id])
    client.post(url, {f"comment-{soft_skills[0].public_id}": "Trop tôt"})
    assert not session.scores.exclude(comment="").exists()

    services.record_self_levels(session, _raw(soft_skills, [4, 3, 3]), mode=SelfMode.LINK)
    client.post(url, {f"comment-{soft_skills[0].public_id}": "On en reparle dans un mois."})
    assert session.scores.get(competence=soft_skills[0]).comment == "On en reparle dans un mois."


def test_a_completed_session_goes_on_the_timeline(supervisor, session, soft_skills):
    services.record_coach_levels(session, _raw(soft_skills, [1, 3, 4]), by=supervisor)
    assert not TimelineEvent.objects.filter(kind=EventKind.EVALUATION).exists()

    services.record_self_levels(session, _raw(soft_skills, [4, 3, 3]), mode=SelfMode.LINK)

    event = TimelineEvent.objects.get(kind=EventKind.EVALUATION)
    assert event.pathway_id == session.pathway_id
    assert event.data["moment"] == "entry"


def test_creating_a_session_from_the_form(client, counsellor, team_pathway, soft_skills):
    client.force_login(counsellor)
    response = client.post(
        reverse("competences:session_create", args=[team_pathway.public_id]),
        {"held_on": "2026-03-02", "moment": "mid", "competences": [c.pk for c in soft_skills]},
    )

    session = EvaluationSession.objects.get(pathway=team_pathway)
    assert response.url == reverse("competences:session", args=[session.public_id])
    assert session.scores.count() == 3


def test_a_session_without_competence_is_refused(client, counsellor, team_pathway):
    client.force_login(counsellor)
    response = client.post(
        reverse("competences:session_create", args=[team_pathway.public_id]), {"held_on": "2026-03-02", "moment": "mid"}
    )

    assert "Choisissez au moins une compétence" in response.content.decode()
    assert not EvaluationSession.objects.exists()


def test_it_refuses_another_structures_session(client, member, soft_skills):
    other = EvaluationSessionFactory()
    ScoreFactory(session=other, competence=soft_skills[0])
    client.force_login(member(Role.DIRECTOR))

    for name in ("session", "coach_grid", "self_face_to_face", "self_link", "evidence_add"):
        assert client.get(reverse(f"competences:{name}", args=[other.public_id])).status_code == 404
    assert client.get(reverse("competences:pathway", args=[other.pathway.public_id])).status_code == 404


def test_a_supervisor_outside_the_team_gets_404_and_the_job_coach_only_reads(client, member, session):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(reverse("competences:session", args=[session.public_id])).status_code == 404

    client.force_login(member(Role.JOB_COACH))
    assert client.get(reverse("competences:session", args=[session.public_id])).status_code == 200
    assert client.get(reverse("competences:coach_grid", args=[session.public_id])).status_code == 403


def test_the_pathway_page_queries_do_not_grow_with_sessions(
    client, counsellor, team_pathway, soft_skills, django_assert_max_num_queries
):
    from tremplin.competences.factories import CompletedSessionFactory

    def add_session(level):
        s = CompletedSessionFactory(pathway=team_pathway)
        for c in soft_skills:
            ScoreFactory(session=s, competence=c, self_level=level, coach_level=level)

    client.force_login(counsellor)
    url = reverse("competences:pathway", args=[team_pathway.public_id])
    add_session(1)
    add_session(2)
    with django_assert_max_num_queries(30) as few:
        assert client.get(url).status_code == 200
    for level in (3, 4, 5, 2):
        add_session(level)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_timeline_sentence_names_the_moment_and_the_coach():
    from tremplin.competences.timeline import describe_session

    assert describe_session("", {"moment": "exit", "by": "Karim Benali"}) == (
        "Évaluation des compétences terminée (Sortie), avec Karim Benali"
    )
    assert describe_session("", {"moment": "mid"}) == "Évaluation des compétences terminée (Mi-parcours)"
