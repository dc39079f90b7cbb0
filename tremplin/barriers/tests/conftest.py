import datetime

import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.barriers import services
from tremplin.barriers.models import BarrierDomain
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


@pytest.fixture
def team(structure, member):
    """A pathway with its counsellor and its technical supervisor."""
    counsellor = member(Role.COUNSELLOR)
    supervisor = member(Role.SUPERVISOR)
    pathway = PathwayFactory(
        person=PersonFactory(structure=structure),
        status=Status.IN_CONTRACT,
        referent=counsellor,
        supervisor=supervisor,
    )
    return {"pathway": pathway, "counsellor": counsellor, "supervisor": supervisor}


@pytest.fixture
def identify():
    """identify(pathway, domain, by, days_ago=30, **fields): a barrier recorded through the service."""

    def make(pathway, domain=BarrierDomain.MOBILITY, *, by=None, days_ago=30, **fields):
        return services.identify_barrier(
            pathway=pathway,
            domain=domain,
            by=by,
            on=timezone.localdate() - datetime.timedelta(days=days_ago),
            **fields,
        )

    return make
