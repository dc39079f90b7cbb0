import datetime

import pytest
from django.utils import timezone

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import StructureFactory
from tremplin.workshops.factories import ParticipantFactory, WorkshopFactory


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
def make_pathway(structure):
    programme = ProgrammeFactory(structure=structure)

    def make(first_name="Awa", last_name="Diallo", **fields):
        fields.setdefault("status", Status.IN_CONTRACT)
        return PathwayFactory(
            person=PersonFactory(structure=structure, first_name=first_name, last_name=last_name),
            programme=programme,
            **fields,
        )

    return make


@pytest.fixture
def workshop(structure):
    return WorkshopFactory(structure=structure)


@pytest.fixture
def participant(workshop, make_pathway):
    return ParticipantFactory(workshop=workshop, pathway=make_pathway())


@pytest.fixture
def other_structure_director(db):
    return MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user
