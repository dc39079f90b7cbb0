import hashlib

import pytest
from django.db import connection

from tremplin.audit.chain import canonical_json
from tremplin.audit.models import AccessLogEntry

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="database triggers and roles exist on PostgreSQL only"
)
TABLE = AccessLogEntry._meta.db_table


@pytest.fixture(autouse=True)
def checkpoint_dir(settings, tmp_path):
    """Each test has its own checkpoint store."""
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
    return settings.AUDIT_CHECKPOINT_DIR


def _with_trigger_disabled(trigger: str, sql: str, params) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {trigger}")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {trigger}")


def tamper(entry: AccessLogEntry, **values) -> None:
    """Rewrites a stored entry behind the application's back, as the tables' owner could."""
    assignments = ", ".join(f"{name} = %s" for name in values)
    _with_trigger_disabled(
        "audit_no_update", f"UPDATE {TABLE} SET {assignments} WHERE id = %s", [*values.values(), entry.pk]
    )


def remove_behind_the_back(*entries: AccessLogEntry) -> None:
    """Deletes entries behind the application's back, as the tables' owner could."""
    for entry in entries:
        _with_trigger_disabled("audit_no_delete", f"DELETE FROM {TABLE} WHERE id = %s", [entry.pk])


def plain_sha256(entry: AccessLogEntry) -> str:
    """What the old design computed, and anyone can compute without the key."""
    return hashlib.sha256((entry.previous_hash + canonical_json(entry)).encode()).hexdigest()


def rechain_without_the_key(entry: AccessLogEntry, **values) -> None:
    """The review's attack (b): edit an entry, then recompute its hash and every later link with plain SHA-256."""
    for name, value in values.items():
        setattr(entry, name, value)
    later = list(AccessLogEntry.objects.filter(chain=entry.chain, sequence__gt=entry.sequence).order_by("sequence"))
    entry.entry_hash = plain_sha256(entry)
    tamper(entry, **values, entry_hash=entry.entry_hash)
    previous = entry
    for following in later:
        following.previous_hash = previous.entry_hash
        following.entry_hash = plain_sha256(following)
        tamper(following, previous_hash=following.previous_hash, entry_hash=following.entry_hash)
        previous = following


@pytest.fixture
def log_entries(structure, member):
    """Three read entries of one person of `structure`, logged by a counsellor."""
    from tremplin.audit.services import log_event
    from tremplin.people.factories import PersonFactory

    actor = member()
    person = PersonFactory(structure=structure)
    for _ in range(3):
        log_event(actor=actor, structure=structure, person=person, part="person", action="read")
    return list(AccessLogEntry.objects.filter(person_public_id=person.public_id, action="read").order_by("id"))
