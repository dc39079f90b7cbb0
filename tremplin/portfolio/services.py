"""What the portfolio gathers from other apps: recognised competences, badges when the badges app exists."""

from dataclasses import dataclass

from django.apps import apps


@dataclass
class Recognised:
    competence: object
    level: int
    held_on: object
    evidence: list


def recognised_competences(person) -> list[Recognised]:
    """Each competence at the coach's level of the latest completed session, with its evidence."""
    from tremplin.competences.models import EvaluationSession, Score

    sessions = EvaluationSession.objects.completed().filter(pathway__person=person)
    scores = (
        Score.objects.filter(session__in=sessions, coach_level__isnull=False)
        .select_related("competence", "session")
        .prefetch_related("evidence__document")
        .order_by("session__held_on", "session__coach_completed_at", "session_id")
    )
    latest: dict[int, object] = {}
    evidence: dict[int, list] = {}
    for score in scores:
        latest[score.competence_id] = score
        evidence.setdefault(score.competence_id, []).extend(score.evidence.all())
    rows = [
        Recognised(score.competence, score.coach_level, score.session.held_on, evidence[pk])
        for pk, score in latest.items()
    ]
    return sorted(rows, key=lambda row: (-row.level, row.competence.display_name))


def badges_of(person) -> list:
    """The person's badges once the badges app provides `Award`; nothing otherwise."""
    if not apps.is_installed("tremplin.badges"):
        return []
    try:
        from tremplin.badges.models import Award
    except ImportError:
        return []
    return list(Award.objects.filter(person=person).select_related("achievement").order_by("-awarded_at")[:50])
