"""A completed evaluation session on the pathway's timeline (codes and staff names only)."""

from django.utils.translation import gettext

from tremplin.core.visibility import Visibility
from tremplin.timeline.builders import make_event
from tremplin.timeline.models import EventKind


def session_events(session) -> list:
    if not session.is_complete:
        return []
    return [
        make_event(
            session,
            session.pathway,
            kind=EventKind.EVALUATION,
            at=session.completed_at,
            data={
                "moment": session.moment,
                "held_on": session.held_on.isoformat(),
                "self_mode": session.self_mode,
                "by": str(session.coach) if session.coach_id else "",
            },
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def describe_session(variant: str, data: dict) -> str:
    from .models import Moment

    moment = dict(Moment.choices).get(data.get("moment"), "")
    if data.get("by"):
        return gettext("Évaluation des compétences terminée (%(moment)s), avec %(by)s") % {
            "moment": moment,
            "by": data["by"],
        }
    return gettext("Évaluation des compétences terminée (%(moment)s)") % {"moment": moment}
