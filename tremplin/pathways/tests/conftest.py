import pytest

from tremplin.accounts.roles import Role
from tremplin.pathways import services
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
def person(structure):
    return PersonFactory(structure=structure, first_name="Inès", last_name="Lambert")


@pytest.fixture
def pathway(person, programme, counsellor):
    return services.open_pathway(person=person, programme=programme, by=counsellor, referent=counsellor)


@pytest.fixture
def other_structure(db):
    return StructureFactory(name="Autre structure")
