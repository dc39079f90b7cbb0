"""The meetings a message can be about, seen through one small shape (`Meeting`), whatever app holds them.

Wired: individual interviews, workshops (one meeting per participant, so each person has their own
invitation, reminder and "I can't come"), an immersion's first day (when its arrival time is known), and the
call planned after an exit (when its time is set), and a review meeting for a person on its agenda who is invited
to it. Another kind adds a `MeetingKind` and a branch here (decision 0014).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.utils import timezone

from tremplin.core.visibility import Visibility

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
    place: str = ""  # where, when it is not the structure's address (a workshop's room)


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


def workshop_start(workshop) -> datetime.datetime | None:
    """A workshop's date and start time, or None without a start time (nothing is sent then: no time to give)."""
    if workshop.start_time is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(workshop.date, workshop.start_time))


def of_participant(participant) -> Meeting | None:
    """A workshop seen by one participant; None when the workshop has no start time."""
    workshop = participant.workshop
    at = workshop_start(workshop)
    if at is None:
        return None
    pathway = participant.pathway
    return Meeting(
        kind=MeetingKind.WORKSHOP,
        public_id=participant.public_id,
        at=at,
        pathway=pathway,
        person=pathway.person,
        structure=pathway.structure,
        channel="in_person",
        staff=workshop.facilitator_user,
        # Who takes part in a workshop is seen by the whole team (the workshops' timeline events are).
        visibility=Visibility.WHOLE_TEAM,
        cancelled=False,
        held=bool(participant.attendance),
        source=participant,
        place=workshop.place,
    )


def immersion_start(immersion) -> datetime.datetime | None:
    """The immersion's first day at the arrival time, or None without one (nothing is sent then)."""
    if immersion.arrival_time is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(immersion.starts_on, immersion.arrival_time))


def immersion_place(immersion) -> str:
    """The host and the address written on the immersion (a network company has sites, not one address)."""
    return ", ".join(part for part in (immersion.host_name, immersion.host_address) if part)


def of_immersion(immersion) -> Meeting | None:
    """An immersion's first day; None without an arrival time. Held once the first day has come."""
    at = immersion_start(immersion)
    if at is None:
        return None
    pathway = immersion.pathway
    return Meeting(
        kind=MeetingKind.IMMERSION,
        public_id=immersion.public_id,
        at=at,
        pathway=pathway,
        person=pathway.person,
        structure=pathway.structure,
        channel="in_person",
        staff=immersion.created_by,
        # Immersions are read by the whole team that follows the person (no visibility field of their own).
        visibility=Visibility.WHOLE_TEAM,
        cancelled=False,
        held=timezone.localdate() > immersion.starts_on,
        source=immersion,
        place=immersion_place(immersion),
    )


def call_start(follow_up) -> datetime.datetime | None:
    """A post-exit follow-up's call: its due date at the planned time, or None without a time."""
    if follow_up.call_time is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(follow_up.due_on, follow_up.call_time))


def of_follow_up(follow_up) -> Meeting | None:
    """The phone call after an exit; None without a planned time. Held once its outcome is recorded."""
    at = call_start(follow_up)
    if at is None:
        return None
    exit_record = follow_up.exit
    pathway = exit_record.pathway
    return Meeting(
        kind=MeetingKind.FOLLOW_UP_CALL,
        public_id=follow_up.public_id,
        at=at,
        pathway=pathway,
        person=pathway.person,
        structure=pathway.structure,
        channel="phone",
        staff=pathway.referent,
        visibility=exit_record.visibility,  # an exit for health or justice reasons stays with the social staff
        cancelled=False,
        held=bool(follow_up.outcome),
        source=follow_up,
    )


def of_review_item(item) -> Meeting | None:
    """A review meeting seen by a person on its agenda; None unless they are invited and the meeting has a start
    time. Held once its day has passed; taken off the agenda, the item is gone."""
    review = item.meeting
    if not item.person_invited or review.start_time is None:
        return None
    pathway = item.pathway
    return Meeting(
        kind=MeetingKind.REVIEW,
        public_id=item.public_id,
        at=timezone.make_aware(datetime.datetime.combine(review.date, review.start_time)),
        pathway=pathway,
        person=pathway.person,
        structure=pathway.structure,
        channel="in_person",
        staff=review.created_by,
        # The agenda is the team's: who is reviewed is seen by the whole team, as for workshops.
        visibility=Visibility.WHOLE_TEAM,
        cancelled=False,
        held=timezone.localdate() > review.date,
        source=item,
        place=review.place,
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
    if kind == MeetingKind.WORKSHOP:
        from tremplin.workshops.models import Participant

        participant = (
            Participant.objects.select_related("pathway__person", "pathway__structure", "workshop__facilitator_user")
            .filter(public_id=public_id)
            .first()
        )
        return of_participant(participant) if participant is not None else None
    if kind == MeetingKind.IMMERSION:
        from tremplin.immersions.models import Immersion

        immersion = (
            Immersion.objects.select_related("pathway__person", "pathway__structure", "created_by")
            .filter(public_id=public_id)
            .first()
        )
        return of_immersion(immersion) if immersion is not None else None
    if kind == MeetingKind.FOLLOW_UP_CALL:
        from tremplin.exits.models import FollowUp

        follow_up = (
            FollowUp.objects.select_related(
                "exit__pathway__person", "exit__pathway__structure", "exit__pathway__referent"
            )
            .filter(public_id=public_id)
            .first()
        )
        return of_follow_up(follow_up) if follow_up is not None else None
    if kind == MeetingKind.REVIEW:
        from tremplin.review_meetings.models import ReviewItem

        item = (
            ReviewItem.objects.select_related("pathway__person", "pathway__structure", "meeting__created_by")
            .filter(public_id=public_id)
            .first()
        )
        return of_review_item(item) if item is not None else None
    return None
