import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.core.dates import add_months
from tremplin.eligibility.factories import EligibilityDiagnosisFactory
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


@pytest.fixture
def make_pathway(structure, today):
    """make_pathway(kind=..., status=..., eligible=True, **person fields): a pathway in `structure` (or `structure_`).

    With eligible=True, the pathway has a favourable diagnosis made five days ago.
    """

    def make(kind=ProgrammeKind.FR_ACI, status=Status.ELIGIBLE, eligible=True, structure_=None, **person):
        where = structure_ or structure
        pathway = PathwayFactory(
            person=PersonFactory(structure=where, **person),
            programme=ProgrammeFactory(structure=where, kind=kind),
            status=status,
        )
        if eligible:
            made_on = today - datetime.timedelta(days=5)
            EligibilityDiagnosisFactory(
                pathway=pathway, made_on=made_on, valid_until=add_months(made_on, 6) - datetime.timedelta(days=1)
            )
        return pathway

    return make


@pytest.fixture
def make_contract(make_pathway, today):
    """make_contract(months=12, kind=..., **contract fields): a running contract of a pathway in contract."""

    def make(months=12, kind=ProgrammeKind.FR_ACI, start=None, pathway=None, person=None, **fields):
        pathway = pathway or make_pathway(kind=kind, status=Status.IN_CONTRACT, **(person or {}))
        start = start or today - datetime.timedelta(days=30)
        fields.setdefault("status", ContractStatus.ACTIVE)
        fields.setdefault("weekly_hours", Decimal("26"))
        return ContractFactory(
            pathway=pathway,
            start_date=start,
            planned_end_date=add_months(start, months) - datetime.timedelta(days=1),
            **fields,
        )

    return make
