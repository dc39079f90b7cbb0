"""Which reminders are due now, for every structure, in a fixed number of queries (measured by `make bench`).

Each structure sets its offsets (`MessagingSettings`: N hours before, the morning of the day before at the end
of the quiet hours). An offset is due from its moment for `GRACE` (the job runs every 15 minutes): a meeting
planned after an offset's moment skips that offset rather than getting a reminder on top of its invitation.
The idempotency key holds the meeting's time, so a meeting moved after a reminder went out gets a new one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tremplin.consent.models import Consent, ConsentKind

from . import services
from .meetings import Meeting, of_follow_up, of_immersion, of_interview, of_participant, of_review_item
from .models import Message, MessagingSettings, Purpose

GRACE = datetime.timedelta(hours=2)
# What a reminder reads of its meeting, person, structure and staff member (select_related with only()).
READ = (
    "public_id",
    "pathway",
    "led_by",
    "pathway__person",
    "pathway__structure",
    "planned_at",
    "channel",
    "visibility",
    "held_on",
    "pathway__structure_id",
    "pathway__person__first_name",
    "pathway__person__email",
    "pathway__person__phone",
    "pathway__person__preferred_language",
    "pathway__person__structure_id",
    "pathway__person__contact_preference",
    "pathway__structure__name",
    "pathway__structure__kind",
    "pathway__structure__address",
    "pathway__structure__postcode",
    "pathway__structure__city",
    "led_by__first_name",
    "led_by__last_name",
    "led_by__email",
)


@dataclass
class Due:
    meeting: Meeting
    offset: str
    channels: list[str]


def offsets(config: MessagingSettings, at: datetime.datetime) -> list[tuple[str, datetime.datetime]]:
    """(name, moment) of each reminder of a meeting at `at`."""
    found = []
    if config.reminder_hours_before:
        found.append((f"h{config.reminder_hours_before}", at - datetime.timedelta(hours=config.reminder_hours_before)))
    if config.reminder_morning_before:
        local = timezone.localtime(at)
        morning = datetime.datetime.combine(local.date() - datetime.timedelta(days=1), _time(config.quiet_until))
        found.append(("morning", timezone.make_aware(morning, local.tzinfo)))
    return found


def _ranges(
    configs: list[MessagingSettings], now: datetime.datetime
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The meeting times (start, end] whose reminder moment lies in (now - GRACE, now] for at least one
    structure's offsets: few distinct offsets over all structures, so a short OR of ranges an index serves."""
    local = timezone.localtime(now)
    ranges = []
    for hours in sorted({config.reminder_hours_before for config in configs if config.reminder_hours_before}):
        ahead = datetime.timedelta(hours=hours)
        ranges.append((now + ahead - GRACE, now + ahead))
    for quiet_until in {_time(config.quiet_until) for config in configs if config.reminder_morning_before}:
        morning = timezone.make_aware(datetime.datetime.combine(local.date(), quiet_until), local.tzinfo)
        if morning <= now < morning + GRACE:
            tomorrow = local.date() + datetime.timedelta(days=1)
            start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min), local.tzinfo)
            ranges.append((start - datetime.timedelta(microseconds=1), start + datetime.timedelta(days=1)))
    return ranges


def _windows(ranges) -> Q:
    condition = Q(pk__in=[])
    for start, end in ranges:
        condition |= Q(planned_at__gt=start, planned_at__lte=end)
    return condition


def _workshop_days(ranges) -> Q:
    """The workshop dates the ranges touch (a workshop has a date and a time apart): the exact moment is checked
    on each row read, as for interviews."""
    condition = Q(pk__in=[])
    for start, end in ranges:
        condition |= Q(
            workshop__date__gte=timezone.localdate(start),
            workshop__date__lte=timezone.localdate(end),
            workshop__start_time__isnull=False,
        )
    return condition


def _days(ranges, field: str, time_field: str) -> Q:
    """The first days the ranges touch, for a meeting with a date and a time apart (an immersion's start)."""
    condition = Q(pk__in=[])
    for start, end in ranges:
        condition |= Q(
            **{
                f"{field}__gte": timezone.localdate(start),
                f"{field}__lte": timezone.localdate(end),
                f"{time_field}__isnull": False,
            }
        )
    return condition


def _time(value) -> datetime.time:
    return datetime.time.fromisoformat(value) if isinstance(value, str) else value


def due(now: datetime.datetime | None = None) -> list[Due]:
    """The reminders to queue now: 7 queries whatever the number of meetings (the structures' settings, the
    interviews, the workshop participants, the immersions' first days, the calls after an exit and the review
    meetings' invited people in the offsets' windows of the people who agreed to be contacted, the messages
    already written)."""
    from tremplin.exits.models import FollowUp
    from tremplin.immersions.models import Immersion
    from tremplin.interviews.models import Interview
    from tremplin.review_meetings.models import ReviewItem
    from tremplin.workshops.models import Participant

    now = now or timezone.now()
    saved = {config.structure_id: config for config in MessagingSettings.objects.all()}
    configs = [*saved.values(), MessagingSettings()]  # the defaults, for every structure without settings
    consent = Consent.objects.filter(person_id=OuterRef("pathway__person_id"), kind=ConsentKind.CONTACT).active_on(
        timezone.localdate(now)
    )
    ranges = _ranges(configs, now)
    interviews = list(
        Interview.objects.filter(_windows(ranges), Exists(consent), planned_at__gt=now, held_on__isnull=True)
        .select_related("pathway__person__contact_preference", "pathway__structure", "led_by")
        .only(*READ)
        .order_by("planned_at", "pk")
    )
    participants = list(
        Participant.objects.filter(_workshop_days(ranges), Exists(consent), attendance="")
        .select_related("pathway__person__contact_preference", "pathway__structure", "workshop__facilitator_user")
        .order_by("workshop__date", "workshop__start_time", "pk")
    )
    immersions = list(
        Immersion.objects.filter(_days(ranges, "starts_on", "arrival_time"), Exists(consent))
        .select_related("pathway__person__contact_preference", "pathway__structure", "created_by")
        .order_by("starts_on", "arrival_time", "pk")
    )
    calls = list(
        FollowUp.objects.filter(
            _days(ranges, "due_on", "call_time"),
            Exists(
                Consent.objects.filter(
                    person_id=OuterRef("exit__pathway__person_id"), kind=ConsentKind.CONTACT
                ).active_on(timezone.localdate(now))
            ),
            outcome="",
        )
        .select_related(
            "exit__pathway__person__contact_preference", "exit__pathway__structure", "exit__pathway__referent"
        )
        .order_by("due_on", "call_time", "pk")
    )
    reviewed = list(
        ReviewItem.objects.filter(
            _days(ranges, "meeting__date", "meeting__start_time"), Exists(consent), person_invited=True
        )
        .select_related("pathway__person__contact_preference", "pathway__structure", "meeting__created_by")
        .order_by("meeting__date", "meeting__start_time", "pk")
    )
    meetings = [of_interview(interview) for interview in interviews]
    meetings += [meeting for meeting in map(of_participant, participants) if meeting is not None and meeting.at > now]
    meetings += [meeting for meeting in map(of_immersion, immersions) if meeting is not None and meeting.at > now]
    meetings += [meeting for meeting in map(of_follow_up, calls) if meeting is not None and meeting.at > now]
    meetings += [meeting for meeting in map(of_review_item, reviewed) if meeting is not None and meeting.at > now]
    candidates = []
    for meeting in meetings:
        person = meeting.person
        person.structure = meeting.structure  # the same structure: no second copy read
        config = saved.get(meeting.structure.pk) or MessagingSettings(structure_id=meeting.structure.pk)
        current = [(name, moment) for name, moment in offsets(config, meeting.at) if moment <= now < moment + GRACE]
        if not current:
            continue
        name = max(current, key=lambda item: item[1])[0]
        channels = services.preferred_channels(person, services.preference_of(person), consent=True)
        if channels:
            candidates.append(Due(meeting, name, channels))
    keys = {
        services._key(Purpose.REMINDER, item.meeting, channel, extra=item.offset): item
        for item in candidates
        for channel in item.channels
    }
    written = set(Message.objects.filter(idempotency_key__in=list(keys)).values_list("idempotency_key", flat=True))
    for key in written:
        item = keys[key]
        item.channels = [channel for channel in item.channels if not key.endswith(":" + channel)]
    return [item for item in candidates if item.channels]


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Queues the due reminders (each key once, ever) and sends what waited; returns the reminders queued."""
    count = 0
    for item in due(now):
        count += len(services.queue_for_meeting(item.meeting, Purpose.REMINDER, item.channels, extra_key=item.offset))
    services.dispatch_waiting(now)
    return count
