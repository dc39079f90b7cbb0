import pytest

from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


@pytest.fixture
def make_pathway(structure):
    def make(structure_=None, **fields):
        where = structure_ or structure
        return PathwayFactory(person=PersonFactory(structure=where), status=Status.IN_CONTRACT, **fields)

    return make
