"""Batched appends (a bulk import): the entries are written at the end of the block, chained as one by one,
with a handful of queries whatever their number; an exception in the block drops them."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import batched_appends, log_event, verify_chain
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def test_entries_are_written_at_the_end_in_chain_order_with_few_queries(structure, member):
    actor = member()
    people = PersonFactory.create_batch(3, structure=structure)
    other = StructureFactory()
    log_event(actor=actor, structure=structure, person=people[0], part="person", action="read")
    before = AccessLogEntry.objects.count()

    with CaptureQueriesContext(connection) as queries, batched_appends():
        for person in people * 10:
            log_event(actor=actor, structure=structure.pk, person=person, part="person", action="update")
        log_event(actor=actor, structure=other, person=None, part="person", action="update")
        assert AccessLogEntry.objects.count() == before

    assert AccessLogEntry.objects.count() == before + 31
    assert len(queries.captured_queries) <= 10
    chain = list(AccessLogEntry.objects.filter(chain=str(structure.public_id)).order_by("sequence"))
    assert [entry.sequence for entry in chain] == list(range(1, len(chain) + 1))
    assert all(entry.previous_hash == before.entry_hash for before, entry in zip(chain, chain[1:], strict=False))
    assert verify_chain().ok


def test_an_exception_in_the_block_drops_the_entries(structure, member):
    actor = member()
    person = PersonFactory(structure=structure)
    before = AccessLogEntry.objects.count()

    with pytest.raises(ValueError), transaction.atomic(), batched_appends():
        log_event(actor=actor, structure=structure, person=person, part="person", action="update")
        raise ValueError

    assert AccessLogEntry.objects.count() == before
