"""The `.ics` file attached to invitations sent by e-mail (RFC 5545, written with the icalendar library)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from icalendar import Calendar, Event


def meeting_ics(meeting, *, summary: str = "", location: str = "", method: str = "REQUEST") -> bytes:
    """One VEVENT for the meeting (a `meetings.Meeting`), one hour long; its UID is stable across updates, so a
    calendar replaces the event when the meeting moves, and a CANCEL removes it. Nothing about the person."""
    calendar = Calendar()
    calendar.add("prodid", "-//Tremplin//messages//FR")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", f"{meeting.kind}-{meeting.public_id}@tremplin")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    start = meeting.at.astimezone(datetime.UTC)
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(hours=1))
    event.add("summary", summary or str(meeting.structure))
    if location:
        event.add("location", location)
    if method == "CANCEL":
        event.add("status", "CANCELLED")
    # The sequence grows with the meeting's time, so a moved meeting supersedes the earlier invitation.
    event.add("sequence", int(meeting.at.timestamp()) // 60 % 2_000_000_000)
    calendar.add_component(event)
    return calendar.to_ical()
