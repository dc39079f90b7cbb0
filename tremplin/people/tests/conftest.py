import pytest

from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import StructureFactory, WorksiteFactory


@pytest.fixture
def programme(structure):
    return ProgrammeFactory(structure=structure, name="ACI maraîchage")


@pytest.fixture
def worksite(structure):
    return WorksiteFactory(structure=structure, name="Jardins du Sart")


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def pathway_of(structure, programme):
    """pathway_of(first_name=..., **pathway fields): a pathway of a new person in `structure`."""

    def make(person=None, **kwargs):
        person_fields = {k: kwargs.pop(k) for k in list(kwargs) if k in {"first_name", "last_name", "phone", "address"}}
        person = person or PersonFactory(structure=structure, **person_fields)
        kwargs.setdefault("programme", programme)
        return PathwayFactory(person=person, **kwargs)

    return make


@pytest.fixture
def other_structure(db):
    return StructureFactory(name="Autre structure")
