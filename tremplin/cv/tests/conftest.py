import pytest

from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory


@pytest.fixture
def pathway(structure):
    person = PersonFactory(structure=structure)
    return PathwayFactory(person=person, programme=ProgrammeFactory(structure=structure), status=Status.IN_CONTRACT)


@pytest.fixture
def coach(member):
    return member(Role.JOB_COACH)


@pytest.fixture
def other_pathway(db):
    """A pathway of another structure."""
    other = PathwayFactory(status=Status.IN_CONTRACT)
    return other
