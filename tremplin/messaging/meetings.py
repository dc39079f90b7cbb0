"""The meetings a message can be about, seen through one small shape (`Meeting`), whatever app holds them.

Only individual interviews are wired today; a workshop's participant, a review meeting, an immersion start or
a post-exit call would add a kind to `MeetingKind` and a branch here (decision 0014).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from .models import MeetingKind


@dataclass
class Meeting:
    kind: str
    public_id: uuid.UUID
    at: datetime.datetime
    pathway: object
    person: object
    structure: object
    channel: str  # in_person, phone, video
    staff: object | None
    visibility: str
    cancelled: bool
    held: bool
    source: object


def of_interview(interview) -> Meeting:
    pathway = interview.pathway
    return Meeting(
        kind=MeetingKind.INTERVIEW,
        public_id=interview.public_id,
        at=interview.planned_at,
        pathway=pathway,
        person=pathway.person,
        structure=pathway.structure,
        channel=interview.channel,
        staff=interview.led_by,
        visibility=interview.visibility,
        cancelled=False,
        held=interview.held_on is not None,
        source=interview,
    )


def find(kind: str, public_id) -> Meeting | None:
    if kind == MeetingKind.INTERVIEW:
        from tremplin.interviews.models import Interview

        interview = (
            Interview.objects.select_related("pathway__person", "pathway__structure", "led_by")
            .filter(public_id=public_id)
            .first()
        )
        return of_interview(interview) if interview is not None else None
    return None
