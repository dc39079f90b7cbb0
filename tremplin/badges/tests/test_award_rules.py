"""Awarding and revoking: the rules, and nothing half-saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tremplin.badges import services
from tremplin.badges.factories import AchievementFactory, AwardFactory
from tremplin.badges.models import Award
from tremplin.competences.factories import CompetenceFactory, EvaluationSessionFactory
from tremplin.competences.models import Score
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.timeline.models import EventKind, TimelineEvent


def evaluate(pathway, competence, coach_level, days_ago=0):
    session = EvaluationSessionFactory(
        pathway=pathway,
        held_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        coach_completed_at=timezone.now(),
    )
    Score.objects.create(session=session, competence=competence, coach_level=coach_level, self_level=3)


@pytest.fixture
def levelled(structure, issuer):
    competence = CompetenceFactory()
    return AchievementFactory(structure=structure, competence=competence, required_level=4)


def test_a_badge_whose_level_is_not_met_needs_a_confirmation(levelled, pathway, counsellor):
    evaluate(pathway, levelled.competence, 4, days_ago=30)
    evaluate(pathway, levelled.competence, 2, days_ago=1)
    with pytest.raises(ValidationError, match="niveau 2"):
        services.award_badge(levelled, pathway, by=counsellor)
    assert not Award.objects.exists()
    award = services.award_badge(levelled, pathway, by=counsellor, confirm={services.CRITERIA_NOT_MET})
    assert award.level == 2


def test_without_any_evaluation_the_level_is_not_attested(levelled, pathway, counsellor):
    check = services.check_award(levelled, pathway, None)
    assert services.CRITERIA_NOT_MET in check.warnings


def test_the_latest_evaluation_meeting_the_level_needs_no_confirmation(levelled, pathway, counsellor):
    evaluate(pathway, levelled.competence, 5)
    award = services.award_badge(levelled, pathway, by=counsellor)
    assert award.level == 5
    assert award.credential["credentialSubject"]["achievement"]["resultDescription"][0]["requiredValue"] == "4"


def test_a_revoked_badge_is_given_again_only_when_confirmed(achievement, pathway, counsellor):
    first = services.award_badge(achievement, pathway, by=counsellor)
    services.revoke(first, by=counsellor, reason="Erreur de personne")
    with pytest.raises(ValidationError, match="révoqué"):
        services.award_badge(achievement, pathway, by=counsellor)
    again = services.award_badge(achievement, pathway, by=counsellor, confirm={services.REVOKED_BEFORE})
    assert again.pk != first.pk


def test_a_badge_in_force_is_not_given_twice(achievement, pathway, counsellor):
    services.award_badge(achievement, pathway, by=counsellor)
    with pytest.raises(ValidationError, match="détient déjà"):
        services.award_badge(achievement, pathway, by=counsellor, confirm={services.REVOKED_BEFORE})


def test_a_level_outside_0_to_5_is_refused(achievement, pathway, counsellor):
    with pytest.raises(ValidationError, match="entre 0 et 5"):
        services.award_badge(achievement, pathway, by=counsellor, level=6)
    assert not Award.objects.exists()


def test_bulk_award_is_all_or_nothing(structure, levelled, counsellor):
    ready = PathwayFactory(person=PersonFactory(structure=structure))
    not_ready = PathwayFactory(person=PersonFactory(structure=structure, first_name="Léo"))
    evaluate(ready, levelled.competence, 5)
    evaluate(not_ready, levelled.competence, 1)
    with pytest.raises(ValidationError) as error:
        services.award_many(levelled, [ready, not_ready], by=counsellor)
    assert "Léo" in str(error.value)
    assert not Award.objects.exists()
    awarded = services.award_many(levelled, [ready, not_ready], by=counsellor, confirm={services.CRITERIA_NOT_MET})
    assert [a.level for a in awarded] == [5, 1]


def test_another_structures_badge_cannot_be_awarded(pathway, counsellor, issuer):
    foreign = AchievementFactory()
    with pytest.raises(ValidationError, match="structure"):
        services.award_badge(foreign, pathway, by=counsellor)


def test_no_award_before_the_structure_is_an_issuer(structure, pathway, counsellor):
    with pytest.raises(ValidationError, match="émettrice"):
        services.award_badge(AchievementFactory(structure=structure), pathway, by=counsellor)


def test_revocation_needs_a_reason_and_happens_once(achievement, pathway, counsellor):
    award = services.award_badge(achievement, pathway, by=counsellor)
    with pytest.raises(ValidationError, match="motif"):
        services.revoke(award, by=counsellor, reason="  ")
    services.revoke(award, by=counsellor, reason="Erreur")
    award.refresh_from_db()
    assert award.status() == "revoked"
    with pytest.raises(ValidationError, match="déjà révoqué"):
        services.revoke(award, by=counsellor, reason="Encore")


def test_an_expiring_badge_expires(structure, issuer, pathway, counsellor):
    habilitation = AchievementFactory(structure=structure, validity_months=12)
    award = services.award_badge(habilitation, pathway, by=counsellor)
    assert award.credential["validUntil"]
    assert award.status() == "valid"
    assert award.status(now=timezone.now() + datetime.timedelta(days=400)) == "expired"
    assert services.verify_award(award, now=timezone.now() + datetime.timedelta(days=400)).status == "expired"


def test_awards_and_revocations_go_on_the_timeline_without_the_reason(achievement, pathway, counsellor):
    award = services.award_badge(achievement, pathway, by=counsellor)
    services.revoke(award, by=counsellor, reason="Motif confidentiel")
    events = TimelineEvent.objects.filter(pathway=pathway, kind=EventKind.BADGE).order_by("occurred_at")
    assert [e.variant for e in events] == ["awarded", "revoked"]
    assert "confidentiel" not in str([e.data for e in events])
    assert events[0].describe() == f"Badge attribué : {achievement.name}"


def test_the_person_is_named_in_the_credential_only_by_a_salted_hash(pathway, achievement):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    text = str(award.credential)
    assert "Diallo" not in text
    identifier = award.credential["credentialSubject"]["identifier"][0]
    assert identifier["hashed"] is True and identifier["identityHash"].startswith("sha256$")


def test_the_alignment_comes_from_the_chosen_competence(structure):
    competence = CompetenceFactory(rome_code="KS1234", name="Ponctualité")
    achievement = AchievementFactory.build(
        structure=structure, competence=competence, alignment_framework="", alignment_code="", alignment_name=""
    )
    services.fill_alignment(achievement)
    assert (achievement.alignment_framework, achievement.alignment_code, achievement.alignment_name) == (
        "ROME",
        "KS1234",
        "Ponctualité",
    )
