import pytest

from tremplin.accounts.roles import Role
from tremplin.barriers import services
from tremplin.barriers.models import BarrierDomain
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


@pytest.fixture
def team(structure, member):
    counsellor = member(Role.COUNSELLOR)
    supervisor = member(Role.SUPERVISOR)
    pathway = PathwayFactory(
        person=PersonFactory(structure=structure), status=Status.IN_CONTRACT, referent=counsellor, supervisor=supervisor
    )
    barrier = services.identify_barrier(pathway=pathway, domain=BarrierDomain.MOBILITY, by=counsellor)
    return {"pathway": pathway, "counsellor": counsellor, "supervisor": supervisor, "barrier": barrier}
