"""The decisions of review meetings on each person's timeline: codes only, never the decision's text."""

from __future__ import annotations

from django.utils.translation import gettext

from tremplin.timeline.builders import _at, make_event
from tremplin.timeline.models import EventKind, _label


def decision_events(decision) -> list:
    meeting = decision.item.meeting
    return [
        make_event(
            decision,
            decision.pathway,
            kind=EventKind.REVIEW_DECISION,
            at=_at(meeting.date, decision.created_at),
            data={
                "meeting_kind": meeting.kind,
                "meeting": str(meeting.public_id),
                "action": "1" if decision.action_id else "",
                "by": str(decision.decided_by) if decision.decided_by_id else "",
            },
            visibility=decision.visibility,
        )
    ]


def describe_decision(variant: str, data: dict) -> str:
    from .models import MeetingKind

    meeting = _label(MeetingKind, data.get("meeting_kind")) or gettext("Réunion d'équipe")
    if data.get("action"):
        return gettext("Décision de la réunion (%(meeting)s), avec une action ajoutée au plan") % {"meeting": meeting}
    return gettext("Décision de la réunion (%(meeting)s)") % {"meeting": meeting}
