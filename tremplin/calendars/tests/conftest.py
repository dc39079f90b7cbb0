import datetime

import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.immersions.factories import ImmersionFactory
from tremplin.interviews.factories import InterviewFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.review_meetings.factories import ReviewMeetingFactory
from tremplin.workshops.factories import WorkshopFactory

# A Wednesday: its week runs from Monday 7 to Sunday 13 December 2026.
WEDNESDAY = datetime.date(2026, 12, 9)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def counsellor(member):
    user = member(Role.COUNSELLOR)
    user.first_name, user.last_name = "Claire", "Martin"
    user.save()
    return user


@pytest.fixture
def pathway(structure, counsellor):
    return PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Paul", last_name="Martin"), referent=counsellor
    )


@pytest.fixture
def week_of_work(structure, counsellor, pathway):
    """One appointment of each kind in the week of WEDNESDAY, and some that are not the counsellor's."""
    interview = InterviewFactory(
        pathway=pathway,
        led_by=counsellor,
        planned_at=at(WEDNESDAY, 9, 30),
        notes="Parle de sa dette de loyer",
        third_party="Maître Dupont",
    )
    workshop = WorkshopFactory(
        structure=structure, facilitator_user=counsellor, date=WEDNESDAY, start_time=datetime.time(14)
    )
    meeting = ReviewMeetingFactory(structure=structure, date=WEDNESDAY + datetime.timedelta(days=1))
    meeting.participants.add(counsellor)
    immersion = ImmersionFactory(
        pathway=pathway, starts_on=WEDNESDAY + datetime.timedelta(days=2), host_name="Jardins du Nord"
    )
    # Not theirs: another lead, another week.
    InterviewFactory(pathway=pathway, planned_at=at(WEDNESDAY, 11))
    InterviewFactory(pathway=pathway, led_by=counsellor, planned_at=at(WEDNESDAY + datetime.timedelta(days=7), 9))
    return {"interview": interview, "workshop": workshop, "meeting": meeting, "immersion": immersion}
