import pytest

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import StructureFactory, WorksiteFactory


@pytest.fixture
def leaving(member):
    """The counsellor who leaves."""
    return member(Role.COUNSELLOR)


@pytest.fixture
def newcomer(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def director(member):
    return member(Role.DIRECTOR)


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
def worksite(structure):
    return WorksiteFactory(structure=structure, name="Jardin de la Lys")


@pytest.fixture
def other_worksite(structure):
    return WorksiteFactory(structure=structure, name="Recyclerie")


@pytest.fixture
def other_structure_director(db):
    return MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user
