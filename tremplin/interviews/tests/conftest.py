import datetime

import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance, Kind
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def supervisor(member):
    return member(Role.SUPERVISOR)


@pytest.fixture
def pathway(structure, counsellor, supervisor):
    """A pathway in contract whose technical supervisor is `supervisor`."""
    return PathwayFactory(
        person=PersonFactory(structure=structure),
        status=Status.IN_CONTRACT,
        referent=counsellor,
        supervisor=supervisor,
    )


@pytest.fixture
def other_structure_user(db):
    from tremplin.accounts.factories import MembershipFactory

    return MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user


@pytest.fixture
def held(pathway, today):
    """held(days_ago, kind=..., **fields): an interview held `days_ago` days ago, the person present."""

    def make(days_ago: int, kind=Kind.INDIVIDUAL, **fields):
        day = today - datetime.timedelta(days=days_ago)
        return InterviewFactory(
            pathway=fields.pop("pathway", pathway),
            kind=kind,
            planned_at=timezone.now() - datetime.timedelta(days=days_ago),
            held_on=day,
            attendance=fields.pop("attendance", Attendance.PRESENT),
            **fields,
        )

    return make


def local_input(moment: datetime.datetime) -> str:
    """The value a datetime-local input sends."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")
