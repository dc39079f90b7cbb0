import datetime

import pytest
from django.utils import timezone

from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def make_pathway(structure):
    """make_pathway(kind=..., status=..., birth_date=...) in the `structure` fixture (or `structure_`)."""

    def make(kind=ProgrammeKind.FR_ACI, status=Status.CANDIDATE, structure_=None, **person):
        where = structure_ or structure
        return PathwayFactory(
            person=PersonFactory(structure=where, **person),
            programme=ProgrammeFactory(structure=where, kind=kind),
            status=status,
        )

    return make
