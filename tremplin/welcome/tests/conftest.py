import datetime

import pytest
from django.utils import timezone

from tremplin.contracts.factories import ContractFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def make_pathway(structure, today):
    """make_pathway(start_days_ago=10, structure_=None, contract=True, **pathway fields): a pathway in contract."""

    def make(start_days_ago: int = 10, structure_=None, contract: bool = True, **fields):
        where = structure_ or structure
        pathway = PathwayFactory(person=PersonFactory(structure=where), status=Status.IN_CONTRACT, **fields)
        if contract:
            ContractFactory(pathway=pathway, start_date=today - datetime.timedelta(days=start_days_ago))
        return pathway

    return make
