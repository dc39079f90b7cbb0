import datetime

import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionPlanFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import StructureFactory


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def pathway(structure):
    return PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Awa", last_name="Diallo"),
        programme=ProgrammeFactory(structure=structure),
        status=Status.IN_CONTRACT,
    )


@pytest.fixture
def plan(pathway):
    return ActionPlanFactory(pathway=pathway)


@pytest.fixture
def other_structure_member(db):
    from tremplin.accounts.factories import MembershipFactory

    return MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user


@pytest.fixture
def supervisor_in_team(member, pathway):
    user = member(Role.SUPERVISOR)
    pathway.supervisor = user
    pathway.save()
    return user
