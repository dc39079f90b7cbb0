"""A staff member's appointments over a period, read in one query per kind, and the private iCal feed.

What a page shows is read with the reader's rights (visibility levels, a supervisor's team); the feed is read
with its owner's rights and says only the kind, the person's initials and the place: it leaves the app
(docs/decisions/0015-calendars.md).
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.roles import Capability
from tremplin.immersions.models import Immersion
from tremplin.interviews.models import Interview
from tremplin.pathways.models import Pathway
from tremplin.review_meetings.models import ReviewMeeting
from tremplin.workshops.models import Workshop

from .models import CalendarFeed

# What the feed holds: from a month back to six months ahead.
FEED_PAST_DAYS = 31
FEED_FUTURE_DAYS = 183
# Appointments without an end: shown as one hour long in calendar programs.
DEFAULT_LENGTH = datetime.timedelta(hours=1)


class EntryKind:
    INTERVIEW = "interview"
    WORKSHOP = "workshop"
    MEETING = "meeting"
    IMMERSION = "immersion"


@dataclass(frozen=True)
class Entry:
    kind: str
    uid: str
    day: datetime.date
    start: datetime.datetime | None  # aware; None for a whole-day entry (an immersion's first day)
    end: datetime.datetime | None
    title: str  # for the app's pages (the reader may read it)
    feed_title: str  # for the feed: kind and initials, nothing else
    place: str
    url: str
    person: object | None = None

    @property
    def sort_key(self):
        return (self.day, self.start is not None, self.start or timezone.now(), self.title)


def initials(person) -> str:
    parts = [p for p in (person.first_name, person.last_name) if p]
    return " ".join(f"{p.strip()[0].upper()}." for p in parts if p.strip())


def full_name(person) -> str:
    return f"{person.first_name} {person.last_name}".strip()


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and the next Monday."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=7)


def _aware(day: datetime.date, time: datetime.time | None) -> datetime.datetime | None:
    if time is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _visible_pathways(reader):
    """The pathways the reader may see, as a subquery (None: all of the structure)."""
    if reader.can(Capability.VIEW_ALL_PEOPLE):
        return None
    if reader.can(Capability.VIEW_TEAM_PEOPLE):
        return Pathway.objects.filter(structure_id=reader.structure_id).for_team_of(reader.user).values("pk")
    return Pathway.objects.none().values("pk")


def entries(owner_id: int, structure, reader, start: datetime.date, end: datetime.date) -> list[Entry]:
    """The appointments of the user `owner_id` from `start` (included) to `end` (excluded), as the reader may see them:
    interviews they lead, workshops they run, meetings they sit in, immersions starting for the people whose
    référent·e they are. Four queries whatever the period and the number of appointments."""
    start_at = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    end_at = timezone.make_aware(datetime.datetime.combine(end, datetime.time.min))
    pathways = _visible_pathways(reader)
    found: list[Entry] = []

    interviews = (
        Interview.objects.visible_to(reader)
        .filter(pathway__structure=structure, led_by_id=owner_id, planned_at__gte=start_at, planned_at__lt=end_at)
        .select_related("pathway__person")
    )
    if pathways is not None:
        interviews = interviews.filter(pathway__in=pathways)
    for interview in interviews:
        person = interview.pathway.person
        local = timezone.localtime(interview.planned_at)
        kind = interview.get_kind_display()
        found.append(
            Entry(
                kind=EntryKind.INTERVIEW,
                uid=f"interview-{interview.public_id}",
                day=local.date(),
                start=interview.planned_at,
                end=interview.planned_at + DEFAULT_LENGTH,
                title=f"{kind.capitalize()} – {full_name(person)}",
                feed_title=f"{kind.capitalize()} – {initials(person)}",
                place=interview.get_channel_display(),
                url=reverse("interviews:list", args=[interview.pathway.public_id]),
                person=person,
            )
        )

    workshops = Workshop.objects.filter(
        structure=structure, facilitator_user_id=owner_id, date__gte=start, date__lt=end
    )
    for workshop in workshops:
        begins = _aware(workshop.date, workshop.start_time)
        ends = _aware(workshop.date, workshop.end_time) if begins else None
        found.append(
            Entry(
                kind=EntryKind.WORKSHOP,
                uid=f"workshop-{workshop.public_id}",
                day=workshop.date,
                start=begins,
                end=ends if ends and begins and ends > begins else (begins + DEFAULT_LENGTH if begins else None),
                title=_("Atelier : %(title)s") % {"title": workshop.title},
                feed_title=_("Atelier collectif"),
                place=workshop.place,
                url=reverse("workshops:detail", args=[workshop.public_id]),
            )
        )

    meetings = ReviewMeeting.objects.filter(
        structure=structure, participants__id=owner_id, date__gte=start, date__lt=end
    )
    for meeting in meetings:
        begins = _aware(meeting.date, meeting.start_time)
        label = meeting.get_kind_display()
        found.append(
            Entry(
                kind=EntryKind.MEETING,
                uid=f"meeting-{meeting.public_id}",
                day=meeting.date,
                start=begins,
                end=begins + DEFAULT_LENGTH * 2 if begins else None,
                title=label,
                feed_title=label,
                place=meeting.place,
                url=reverse("review_meetings:detail", args=[meeting.public_id]),
            )
        )

    immersions = Immersion.objects.filter(
        pathway__structure=structure, pathway__referent_id=owner_id, starts_on__gte=start, starts_on__lt=end
    ).select_related("pathway__person")
    if pathways is not None:
        immersions = immersions.filter(pathway__in=pathways)
    for immersion in immersions:
        person = immersion.pathway.person
        found.append(
            Entry(
                kind=EntryKind.IMMERSION,
                uid=f"immersion-{immersion.public_id}",
                day=immersion.starts_on,
                start=None,
                end=None,
                title=_("Début d'immersion – %(name)s (%(job)s, %(host)s)")
                % {"name": full_name(person), "job": immersion.job_title, "host": immersion.host_name},
                feed_title=_("Début d'immersion – %(initials)s") % {"initials": initials(person)},
                place=immersion.host_name,
                url=reverse("immersions:detail", args=[immersion.public_id]),
                person=person,
            )
        )
    return sorted(found, key=lambda entry: entry.sort_key)


def by_day(found: list[Entry], start: datetime.date, end: datetime.date) -> list[tuple[datetime.date, list[Entry]]]:
    days = [start + datetime.timedelta(days=n) for n in range((end - start).days)]
    grouped: dict[datetime.date, list[Entry]] = {day: [] for day in days}
    for entry in found:
        grouped.setdefault(entry.day, []).append(entry)
    return [(day, grouped[day]) for day in days]


# --- The private feed -------------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def has_feed(user, structure) -> bool:
    return CalendarFeed.objects.filter(user=user, structure=structure).exists()


def issue_feed(user, structure) -> str:
    """Creates the member's feed, or replaces its token (the old address stops working). Returns the new
    token, shown once: only its hash is kept."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarFeed.objects.update_or_create(
            user=user, structure=structure, defaults={"token_hash": token_hash(token)}
        )
    return token


def revoke_feed(user, structure) -> bool:
    deleted, _ = CalendarFeed.objects.filter(user=user, structure=structure).delete()
    return bool(deleted)


def feed_for_token(token: str) -> CalendarFeed | None:
    if not token or len(token) > 100:
        return None
    return CalendarFeed.objects.filter(token_hash=token_hash(token)).select_related("user", "structure").first()


def feed_entries(feed: CalendarFeed, membership, today: datetime.date | None = None) -> list[Entry]:
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=FEED_PAST_DAYS)
    return entries(feed.user_id, feed.structure, membership, start, today + datetime.timedelta(days=FEED_FUTURE_DAYS))


def ical(found: list[Entry], *, site_url: str, calendar_name: str) -> bytes:
    """The iCalendar text: summaries are the feed titles (kind and initials), never the page titles."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Tremplin//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_name)
    stamp = timezone.now().astimezone(datetime.UTC)
    for entry in found:
        event = Event()
        event.add("uid", f"{entry.uid}@tremplin")
        event.add("dtstamp", stamp)
        event.add("summary", entry.feed_title)
        if entry.start is not None:
            event.add("dtstart", entry.start.astimezone(datetime.UTC))
            event.add("dtend", (entry.end or entry.start + DEFAULT_LENGTH).astimezone(datetime.UTC))
        else:
            event.add("dtstart", entry.day)
            event.add("dtend", entry.day + datetime.timedelta(days=1))
        if entry.place:
            event.add("location", entry.place)
        event.add("url", f"{site_url.rstrip('/')}{entry.url}")
        calendar.add_component(event)
    return calendar.to_ical()
