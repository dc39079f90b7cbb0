"""Messages on the person's timeline: purpose, channel and status, never the text; at the meeting's visibility,
so whoever may not see the meeting does not see its messages either."""

from __future__ import annotations

from django.utils.translation import gettext

from tremplin.timeline.builders import make_event
from tremplin.timeline.models import EventKind, _label


def message_events(message) -> list:
    events = [
        make_event(
            message,
            message.pathway,
            kind=EventKind.MESSAGE,
            at=message.created_at,
            data={"purpose": message.purpose, "channel": message.channel, "status": message.status},
            visibility=message.visibility,
        )
    ]
    if message.declined_at:
        events.append(
            make_event(
                message,
                message.pathway,
                kind=EventKind.MESSAGE,
                at=message.declined_at,
                data={"purpose": message.purpose, "channel": message.channel, "declined": True},
                visibility=message.visibility,
                variant="declined",
            )
        )
    return events


def describe_message(variant: str, data: dict) -> str:
    from .models import Channel, Purpose, Status

    if variant == "declined" or data.get("declined"):
        return gettext("La personne a signalé qu'elle ne pourra pas venir au rendez-vous")
    return gettext("Message (%(purpose)s) par %(channel)s : %(status)s") % {
        "purpose": _label(Purpose, data.get("purpose")),
        "channel": _label(Channel, data.get("channel")),
        "status": _label(Status, data.get("status")).lower(),
    }
