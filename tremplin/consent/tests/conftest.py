import pytest

from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory


@pytest.fixture
def person(structure):
    person = PersonFactory(structure=structure)
    PathwayFactory(person=person)
    return person


@pytest.fixture
def other_structure_member(member):
    return member(Role.DIRECTOR, StructureFactory())
