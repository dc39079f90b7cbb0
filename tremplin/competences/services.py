"""Business rules of competences: acquired levels, sessions, scores, self-evaluation links."""

from .models import EvaluationSession, Score


def acquired_competences(person) -> dict[str, int]:
    """Competence key -> the coach's level in the latest completed session that evaluated it.

    Keys are `Competence.key` (ROME code, "soft:<slug>", "own:<public id>"); used by job matching.
    """
    sessions = EvaluationSession.objects.completed().filter(pathway__person=person)
    scores = (
        Score.objects.filter(session__in=sessions, coach_level__isnull=False)
        .select_related("competence")
        .order_by("session__held_on", "session__coach_completed_at", "session_id")
    )
    acquired: dict[str, int] = {}
    for score in scores:
        acquired[score.competence.key] = score.coach_level
    return acquired
