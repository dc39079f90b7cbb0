"""Awarding from the person's file, the award page, downloads, revocation, the public page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry as AccessLog
from tremplin.badges import dataintegrity, images, services
from tremplin.badges.factories import AchievementFactory, AwardFactory
from tremplin.badges.models import Award
from tremplin.competences.factories import CompetenceFactory, EvaluationSessionFactory
from tremplin.competences.models import Score
from tremplin.consent.factories import ConsentFactory
from tremplin.consent.models import ConsentKind


def test_a_counsellor_awards_a_badge_from_the_persons_file(client, pathway, achievement, counsellor):
    client.force_login(counsellor)
    response = client.post(
        reverse("badges:award_create", args=[pathway.public_id]), {"achievement": achievement.pk, "level": "4"}
    )
    award = Award.objects.get()
    assert response.url == reverse("badges:award", args=[award.public_id])
    assert award.awarded_by == counsellor and award.level == 4
    dataintegrity.verify(award.credential, bytes(award.signing_key.public_key))


def test_the_teams_supervisor_may_award(client, pathway, achievement, supervisor):
    client.force_login(supervisor)
    client.post(reverse("badges:award_create", args=[pathway.public_id]), {"achievement": achievement.pk})
    assert Award.objects.filter(awarded_by=supervisor).exists()


def test_a_score_outside_0_to_5_is_named_and_nothing_is_saved(client, pathway, achievement, counsellor):
    client.force_login(counsellor)
    response = client.post(
        reverse("badges:award_create", args=[pathway.public_id]), {"achievement": achievement.pk, "level": "9"}
    )
    assert "level" in response.context["form"].errors
    assert not Award.objects.exists()


def test_criteria_not_met_asks_for_a_confirmation_then_awards(client, structure, issuer, pathway, counsellor):
    competence = CompetenceFactory()
    achievement = AchievementFactory(structure=structure, competence=competence, required_level=4)
    session = EvaluationSessionFactory(pathway=pathway, coach_completed_at=datetime.datetime.now(datetime.UTC))
    Score.objects.create(session=session, competence=competence, coach_level=2)
    client.force_login(counsellor)
    url = reverse("badges:award_create", args=[pathway.public_id])
    response = client.post(url, {"achievement": achievement.pk})
    assert "confirm_criteria" in response.context["form"].errors
    assert not Award.objects.exists()
    client.post(url, {"achievement": achievement.pk, "confirm_criteria": "on"})
    assert Award.objects.get().level == 2


def test_re_awarding_a_revoked_badge_asks_for_a_confirmation(client, pathway, achievement, counsellor):
    services.revoke(AwardFactory(pathway=pathway, achievement=achievement), by=counsellor, reason="Erreur")
    client.force_login(counsellor)
    url = reverse("badges:award_create", args=[pathway.public_id])
    response = client.post(url, {"achievement": achievement.pk})
    assert "confirm_reaward" in response.context["form"].errors
    assert Award.objects.count() == 1
    client.post(url, {"achievement": achievement.pk, "confirm_reaward": "on"})
    assert Award.objects.count() == 2


def test_another_structures_person_is_not_found(client, pathway, other_structure_user):
    client.force_login(other_structure_user)
    assert client.get(reverse("badges:award_create", args=[pathway.public_id])).status_code == 404
    assert client.get(reverse("badges:pathway", args=[pathway.public_id])).status_code == 404


def test_another_structures_award_is_not_found(client, pathway, achievement, other_structure_user):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    client.force_login(other_structure_user)
    for name in ("badges:award", "badges:award_json", "badges:award_png", "badges:award_svg"):
        assert client.get(reverse(name, args=[award.public_id])).status_code == 404
    assert client.post(reverse("badges:revoke", args=[award.public_id]), {"reason": "x"}).status_code == 404
    assert not Award.objects.get().is_revoked


def test_a_supervisor_outside_the_team_does_not_see_the_person(client, pathway, member):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(reverse("badges:pathway", args=[pathway.public_id])).status_code == 404


def test_the_downloads_carry_the_same_signed_credential_and_are_logged(client, pathway, achievement, counsellor):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    client.force_login(counsellor)
    as_json = client.get(reverse("badges:award_json", args=[award.public_id]))
    assert as_json["Content-Type"].startswith("application/json")
    assert as_json.json() == award.credential
    png = client.get(reverse("badges:award_png", args=[award.public_id])).content
    assert images.unbake_png(png) == award.credential
    svg = client.get(reverse("badges:award_svg", args=[award.public_id])).content
    assert images.unbake_svg(svg) == award.credential
    assert (
        AccessLog.objects.filter(person_public_id=pathway.person.public_id, part="badges", action="export").count() == 3
    )


def test_revocation_with_a_reason(client, pathway, achievement, counsellor):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    client.force_login(counsellor)
    client.post(reverse("badges:revoke", args=[award.public_id]), {"reason": ""})
    assert not Award.objects.get().is_revoked
    client.post(reverse("badges:revoke", args=[award.public_id]), {"reason": "Attribué par erreur"})
    award.refresh_from_db()
    assert award.is_revoked and award.revocation_reason == "Attribué par erreur"


def test_a_job_coach_reads_but_cannot_revoke(client, pathway, achievement, member):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    client.force_login(member(Role.JOB_COACH))
    assert client.get(reverse("badges:award", args=[award.public_id])).status_code == 200
    assert client.post(reverse("badges:revoke", args=[award.public_id]), {"reason": "x"}).status_code == 403


def test_the_public_page_says_valid_then_revoked_without_the_name_unless_consented(
    client, pathway, achievement, counsellor
):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    url = reverse("badges:verify", args=[award.public_id])
    response = client.get(url)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    page = response.content.decode()
    assert "Ce badge est valide." in page
    assert achievement.name in page and "Diallo" not in page
    ConsentFactory(person=pathway.person, kind=ConsentKind.PUBLIC_BADGE)
    assert "Awa Diallo" in client.get(url).content.decode()
    services.revoke(award, by=counsellor, reason="Erreur confidentielle")
    page = client.get(url).content.decode()
    assert "révoqué" in page and "confidentielle" not in page


def test_the_public_page_says_expired(client, structure, issuer, pathway, counsellor):
    habilitation = AchievementFactory(structure=structure, validity_months=1)
    award = services.award_badge(
        habilitation, pathway, by=counsellor, now=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=90)
    )
    assert "Ce badge a expiré." in client.get(reverse("badges:verify", args=[award.public_id])).content.decode()


def test_a_credential_altered_in_the_database_is_not_shown_as_valid(client, pathway, achievement):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    credential = award.credential
    credential["credentialSubject"]["achievement"]["name"] = "Autre chose"
    Award.objects.filter(pk=award.pk).update(credential=credential)
    page = client.get(reverse("badges:verify", args=[award.public_id])).content.decode()
    assert "ne peut pas être vérifiée" in page


def test_the_persons_badges_page_is_logged_and_its_queries_do_not_grow(client, structure, issuer, pathway, counsellor):
    client.force_login(counsellor)
    url = reverse("badges:pathway", args=[pathway.public_id])
    AwardFactory(pathway=pathway, achievement=AchievementFactory(structure=structure))
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(4):
        AwardFactory(pathway=pathway, achievement=AchievementFactory(structure=structure))
    with CaptureQueriesContext(connection) as five:
        response = client.get(url)
    assert len(five) == len(one)
    assert len(response.context["awards"]) == 5
    assert AccessLog.objects.filter(person_public_id=pathway.person.public_id, part="badges").exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.DIRECTOR])
def test_bulk_award_to_several_people(client, structure, issuer, achievement, member, role):
    from tremplin.pathways.factories import PathwayFactory
    from tremplin.pathways.models import Status
    from tremplin.people.factories import PersonFactory

    pathways = [PathwayFactory(person=PersonFactory(structure=structure), status=Status.IN_CONTRACT) for _ in range(3)]
    client.force_login(member(role))
    response = client.post(
        reverse("badges:bulk"), {"achievement": achievement.pk, "pathways": [p.pk for p in pathways[:2]]}
    )
    assert response.status_code == 302
    assert Award.objects.count() == 2


def test_bulk_after_an_evaluation_ticks_those_who_reach_the_level(client, structure, issuer, counsellor):
    from tremplin.pathways.factories import PathwayFactory
    from tremplin.pathways.models import Status
    from tremplin.people.factories import PersonFactory

    competence = CompetenceFactory()
    achievement = AchievementFactory(structure=structure, competence=competence, required_level=3)
    ready, short, never = (
        PathwayFactory(person=PersonFactory(structure=structure), status=Status.IN_CONTRACT) for _ in range(3)
    )
    for pathway, level in ((ready, 4), (short, 2)):
        session = EvaluationSessionFactory(pathway=pathway, coach_completed_at=datetime.datetime.now(datetime.UTC))
        Score.objects.create(session=session, competence=competence, coach_level=level)
    client.force_login(counsellor)
    response = client.get(reverse("badges:bulk") + f"?achievement={achievement.public_id}")
    assert response.context["form"].initial["pathways"] == [ready.pk]
    assert "dernier niveau évalué : 2" in response.content.decode()
    assert client.get(reverse("badges:bulk") + "?achievement=pas-un-uuid").status_code == 200
