import hashlib
import hmac
import threading

import pytest
from django.db import connection, connections

from tremplin.audit.chain import canonical_json, compute_hash, log_key
from tremplin.audit.checkpoints import write_checkpoints
from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import entries_for_person, log_event, verify_chain
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person
from tremplin.structures.factories import StructureFactory

from .conftest import needs_postgresql, plain_sha256, rechain_without_the_key, remove_behind_the_back, tamper

pytestmark = pytest.mark.django_db


def test_each_entry_chains_onto_the_previous_one(structure, member):
    actor = member()
    person = PersonFactory(structure=structure)
    log_event(actor=actor, structure=structure, person=person, part="person", action="read")
    log_event(actor=actor, structure=structure, person=person, part="contract", action="update")
    first, second = AccessLogEntry.objects.filter(chain=str(structure.public_id)).order_by("-id")[:2][::-1]
    assert AccessLogEntry.objects.filter(chain=str(structure.public_id)).order_by("id").first().previous_hash == ""
    assert (first.chain, second.chain) == (str(structure.public_id),) * 2
    assert second.sequence == first.sequence + 1
    assert second.previous_hash == first.entry_hash
    assert second.entry_hash == compute_hash(second)
    assert verify_chain().ok


def test_the_hash_is_an_hmac_under_the_key_of_previous_hash_and_a_canonical_json_of_the_fields(log_entries):
    entry = log_entries[1]
    text = canonical_json(entry)
    assert text.startswith('{"action":"read","actor_email":')
    assert f'"chain":"{entry.chain}"' in text and f'"sequence":{entry.sequence}' in text
    assert " " not in text.replace(entry.at.isoformat(), "")
    message = (entry.previous_hash + text).encode()
    assert entry.entry_hash == hmac.new(log_key(), message, hashlib.sha256).hexdigest()
    assert entry.entry_hash != hashlib.sha256(message).hexdigest()


def test_the_key_comes_from_audit_log_key_and_otherwise_differs_from_the_secret_key(settings, log_entries):
    derived = log_key()
    assert derived not in (settings.SECRET_KEY.encode(), hashlib.sha256(settings.SECRET_KEY.encode()).digest())
    settings.AUDIT_LOG_KEY = "k" * 48
    assert log_key() == b"k" * 48
    assert not verify_chain().ok  # entries written under another key do not verify


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


def test_verification_finds_an_edit_rechained_with_plain_sha256(log_entries):
    """The review's attack (b): without the key, recomputing every hash after the edit does not help."""
    rechain_without_the_key(log_entries[1], actor_email="quelquun@ailleurs.example")
    report = verify_chain()
    assert (report.ok, report.broken_id, report.reason) == (False, log_entries[1].pk, "hash")
    edited = AccessLogEntry.objects.get(pk=log_entries[1].pk)
    assert edited.entry_hash == plain_sha256(edited)  # the attack itself was carried out


def test_verification_finds_an_entry_whose_stored_hash_was_recomputed(log_entries):
    """Even with the key, an attacker who recomputes one entry's hash breaks the link to the next entry."""
    entry = log_entries[1]
    entry.part = "autre"
    tamper(entry, part="autre", entry_hash=compute_hash(entry))
    report = verify_chain()
    assert (report.ok, report.broken_id, report.reason) == (False, log_entries[2].pk, "link")


def test_verification_finds_a_removed_entry(log_entries):
    remove_behind_the_back(log_entries[1])
    report = verify_chain()
    assert (report.ok, report.broken_id, report.reason) == (False, log_entries[2].pk, "gap")


def test_verification_finds_an_inserted_entry_that_reuses_a_number(log_entries):
    """Renumbering the rest to hide a removal breaks the keyed hashes (the sequence is hashed)."""
    remove_behind_the_back(log_entries[1])
    tamper(log_entries[2], sequence=log_entries[1].sequence)
    report = verify_chain()
    assert (report.ok, report.broken_id, report.reason) == (False, log_entries[2].pk, "hash")


def test_a_checkpoint_reveals_removed_last_entries(log_entries):
    write_checkpoints()
    remove_behind_the_back(log_entries[2])
    report = verify_chain()
    assert (report.ok, report.reason, report.problems[0].sequence) == (False, "missing", log_entries[2].sequence)


def test_a_checkpoint_reveals_a_whole_chain_removed(log_entries):
    write_checkpoints()
    remove_behind_the_back(*AccessLogEntry.objects.filter(chain=log_entries[0].chain))
    report = verify_chain()
    assert (report.ok, report.reason, report.problems[0].chain) == (False, "missing", log_entries[0].chain)


def test_a_checkpoint_reveals_a_last_entry_rewritten_by_someone_holding_the_key(log_entries):
    """With the key, the last entry can be rewritten consistently; the checkpoint still remembers it."""
    write_checkpoints()
    last = log_entries[2]
    last.part = "autre"
    tamper(last, part="autre", entry_hash=compute_hash(last))
    report = verify_chain()
    assert (report.ok, report.broken_id, report.reason) == (False, last.pk, "checkpoint")


def test_entries_appended_after_a_checkpoint_keep_the_log_intact(structure, member, log_entries):
    write_checkpoints()
    log_event(actor=member(), structure=structure, person=None, part="person", action="read")
    write_checkpoints()
    report = verify_chain()
    assert report.ok, report.problems
    assert report.checkpoints == 2 * report.chains


def test_two_structures_have_independent_chains(member, structure, log_entries):
    other = StructureFactory()
    person = PersonFactory(structure=other)
    log_event(actor=member(), structure=other, person=person, part="person", action="read")
    log_event(actor=member(), structure=structure, person=None, part="person", action="read")
    log_event(actor=None, structure=None, person=None, part="x", action="read")
    theirs = AccessLogEntry.objects.get(chain=str(other.public_id), action="read")
    assert theirs.sequence == 2  # after the person's "create" entry
    first = AccessLogEntry.objects.get(chain=str(other.public_id), sequence=1)
    assert first.previous_hash == "" and theirs.previous_hash == first.entry_hash
    ours = AccessLogEntry.objects.filter(chain=str(structure.public_id)).order_by("sequence").last()
    assert ours.previous_hash == log_entries[2].entry_hash and ours.sequence == log_entries[2].sequence + 1
    assert AccessLogEntry.objects.filter(chain="global").order_by("sequence").last().structure_public_id is None
    # Damage to one chain leaves the other intact.
    tamper(theirs, part="autre")
    report = verify_chain()
    assert [(p.chain, p.reason) for p in report.problems] == [(str(other.public_id), "hash")]


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
    chain = AccessLogEntry.objects.filter(chain=str(structure.public_id))
    hashes = list(chain.order_by("id").values_list("previous_hash", flat=True))
    assert len(hashes) == len(set(hashes))  # no two entries hang from the same predecessor
    assert sorted(chain.values_list("sequence", flat=True)) == list(range(1, chain.count() + 1))
    assert chain.filter(action="read").count() == 30
    assert verify_chain().ok


@needs_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_append_for_another_structure_does_not_wait_for_a_structure_whose_chain_is_held(member):
    """A request of structure A holds its chain until it commits (single-database mode); a request of
    structure B appends meanwhile, while a second request of A would have to wait (its lock times out)."""
    from django.db import DatabaseError, transaction

    first, second = StructureFactory(), StructureFactory()
    holding, done = threading.Event(), threading.Event()
    results: dict = {}

    def request_of_first_structure():
        try:
            with transaction.atomic():
                log_event(actor=None, structure=first.public_id, person=None, part="person", action="read")
                holding.set()
                results["other_finished_while_held"] = done.wait(timeout=30)
        finally:
            holding.set()
            connections.close_all()

    def append(structure) -> str:
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '1s'")
                log_event(actor=None, structure=structure.public_id, person=None, part="person", action="read")
            return "appended"
        except DatabaseError as error:
            return "lock timeout" if "lock timeout" in str(error) else str(error)

    def other_requests():
        try:
            holding.wait(timeout=30)
            results["same structure"] = append(first)
            results["other structure"] = append(second)
        finally:
            done.set()
            connections.close_all()

    threads = [threading.Thread(target=request_of_first_structure), threading.Thread(target=other_requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == {
        "same structure": "lock timeout",
        "other structure": "appended",
        "other_finished_while_held": True,
    }
    assert AccessLogEntry.objects.filter(chain=str(second.public_id)).count() == 1
    assert verify_chain().ok
