import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


def in_contract(structure, *, kind=ProgrammeKind.FR_ACI, start_days_ago=200, end_in_days=60, referent=None, **kwargs):
    """A pathway in contract whose running contract began `start_days_ago` and ends in `end_in_days`."""
    today = timezone.localdate()
    programme = structure.programmes.filter(kind=kind).first() or ProgrammeFactory(structure=structure, kind=kind)
    pathway = PathwayFactory(
        person=PersonFactory(structure=structure),
        programme=programme,
        status=Status.IN_CONTRACT,
        referent=referent,
        **kwargs,
    )
    contract = ContractFactory(
        pathway=pathway,
        start_date=today - datetime.timedelta(days=start_days_ago),
        planned_end_date=today + datetime.timedelta(days=end_in_days),
        weekly_hours=Decimal("26"),
        status=ContractStatus.ACTIVE,
    )
    return pathway, contract


@pytest.fixture
def pathway_in_contract(structure, counsellor):
    return in_contract(structure, referent=counsellor)
