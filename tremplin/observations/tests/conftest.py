import pytest

from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


@pytest.fixture
def supervisor(member):
    return member(Role.SUPERVISOR)


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def team_pathway(structure, supervisor, counsellor):
    """A person in contract on the supervisor's team, followed by the counsellor."""
    return PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Nadia", last_name="Ferhat"),
        status=Status.IN_CONTRACT,
        supervisor=supervisor,
        referent=counsellor,
    )


@pytest.fixture
def outside_pathway(structure):
    """A person of the same structure, on nobody's team."""
    return PathwayFactory(person=PersonFactory(structure=structure), status=Status.IN_CONTRACT)


@pytest.fixture
def other_structure_pathway(db):
    return PathwayFactory(status=Status.IN_CONTRACT)
