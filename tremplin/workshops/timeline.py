"""Workshop attendance on each participant's timeline: theme and attendance codes, never the notes."""

from __future__ import annotations

from django.utils.translation import gettext

from tremplin.core.visibility import Visibility
from tremplin.timeline.builders import _at, make_event
from tremplin.timeline.models import EventKind, _label


def participant_events(participant) -> list:
    if not participant.attendance:
        return []
    workshop = participant.workshop
    return [
        make_event(
            participant,
            participant.pathway,
            kind=EventKind.WORKSHOP,
            at=_at(workshop.date, participant.recorded_at),
            data={
                "theme": workshop.theme,
                "attendance": participant.attendance,
                "by": str(participant.recorded_by) if participant.recorded_by_id else "",
            },
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def describe_workshop(variant: str, data: dict) -> str:
    from .models import Attendance, Theme

    return gettext("Atelier collectif « %(theme)s » : %(attendance)s") % {
        "theme": _label(Theme, data.get("theme")),
        "attendance": _label(Attendance, data.get("attendance")).lower(),
    }
