import hashlib
import threading

import pytest
from django.db import connection, connections

from tremplin.audit.chain import canonical_json, compute_hash
from tremplin.audit.models import AccessLogEntry, ChainHead
from tremplin.audit.services import entries_for_person, log_event, verify_chain
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person

from .conftest import needs_postgresql, remove_behind_the_back, tamper

pytestmark = pytest.mark.django_db


def test_each_entry_chains_onto_the_previous_one(structure, member):
    actor = member()
    person = PersonFactory(structure=structure)
    log_event(actor=actor, structure=structure, person=person, part="person", action="read")
    log_event(actor=actor, structure=structure, person=person, part="contract", action="update")
    first, second = AccessLogEntry.objects.order_by("-id")[:2][::-1]
    assert AccessLogEntry.objects.order_by("id").first().previous_hash == ""
    assert second.previous_hash == first.entry_hash
    assert second.entry_hash == compute_hash(second)
    assert ChainHead.objects.get().last_hash == second.entry_hash
    assert verify_chain().ok


def test_the_hash_covers_previous_hash_and_a_canonical_json_of_the_fields(log_entries):
    entry = log_entries[1]
    text = canonical_json(entry)
    assert text.startswith('{"action":"read","actor_email":')
    assert " " not in text.replace(entry.at.isoformat(), "")
    assert entry.entry_hash == hashlib.sha256((entry.previous_hash + text).encode()).hexdigest()


def test_it_stores_identifiers_but_no_names(structure, member):
    actor = member()
    person = PersonFactory(structure=structure, first_name="Zoé", last_name="Martin")
    log_event(actor=actor, structure=structure, person=person, part="person", action="read")
    entry = entries_for_person(person).get(action="read")
    assert entry.actor_email == actor.email
    assert entry.person_public_id == person.public_id
    assert entry.structure_public_id == structure.public_id
    assert "Zoé" not in str(vars(entry)) and "Martin" not in str(vars(entry))


def test_entries_for_person_gives_only_that_persons_entries_oldest_first(structure, member, log_entries):
    other = PersonFactory(structure=structure)
    log_event(actor=member(), structure=structure, person=other, part="person", action="read")
    person = Person.objects.get(public_id=log_entries[0].person_public_id)
    reads = [e for e in entries_for_person(person) if e.action == "read"]
    assert [e.pk for e in reads] == [e.pk for e in log_entries]


def test_verification_finds_an_edited_entry(log_entries):
    tamper(log_entries[1], actor_email="quelquun@ailleurs.example")
    report = verify_chain()
    assert not report.ok
    assert (report.broken_id, report.reason) == (log_entries[1].pk, "hash")


def test_verification_finds_an_entry_whose_stored_hash_was_recomputed(log_entries):
    """An attacker who also recomputes the hash breaks the link to the next entry."""
    entry = log_entries[1]
    entry.part = "autre"
    tamper(entry, part="autre", entry_hash=compute_hash(entry))
    report = verify_chain()
    assert (report.ok, report.broken_id, report.reason) == (False, log_entries[2].pk, "link")


def test_verification_finds_a_removed_entry(log_entries):
    remove_behind_the_back(log_entries[1])
    report = verify_chain()
    assert (report.ok, report.broken_id, report.reason) == (False, log_entries[2].pk, "link")


def test_verification_finds_removed_last_entries(log_entries):
    remove_behind_the_back(log_entries[2])
    report = verify_chain()
    assert (report.ok, report.reason) == (False, "head")


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_fork_the_chain(structure, member):
    actor = member()
    person = PersonFactory(structure=structure)
    errors: list = []

    def write():
        try:
            for _ in range(5):
                log_event(
                    actor=actor, structure=structure.public_id, person=person.public_id, part="person", action="read"
                )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert connection.vendor == "postgresql"
    hashes = list(AccessLogEntry.objects.order_by("id").values_list("previous_hash", flat=True))
    assert len(hashes) == len(set(hashes))  # no two entries hang from the same predecessor
    assert verify_chain().ok
