"""Migration audit.0003 on an installation that has the old single SHA-256 chain."""

import datetime
import hashlib
import importlib
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import verify_chain

rechain = importlib.import_module("tremplin.audit.migrations.0003_chains_per_structure")
OLD = [("audit", "0002_append_only_triggers")]
NEW = [("audit", "0004_purge_function_and_truncate_guard")]
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def old_schema():
    """The audit tables as the previous version left them; back to the current schema afterwards, whatever happens."""
    executor = MigrationExecutor(connection)
    executor.migrate(OLD)
    yield executor.loader.project_state(OLD).apps
    executor = MigrationExecutor(connection)
    if executor.migration_plan(NEW):
        executor.migrate(NEW)


def _legacy_log(apps, structures: list) -> list[str]:
    """Entries written by the old code: one chain, plain SHA-256, head row pointing to the last."""
    Entry, Head = apps.get_model("audit", "AccessLogEntry"), apps.get_model("audit", "ChainHead")
    previous, hashes = "", []
    for n, structure in enumerate(structures):
        entry = Entry(
            at=datetime.datetime(2026, 6, 1, 9, n, tzinfo=datetime.UTC),
            actor_email="cip@structure.example",
            structure_public_id=structure,
            person_public_id=uuid.uuid4(),
            action="read",
            part="person",
            previous_hash=previous,
        )
        entry.entry_hash = hashlib.sha256((previous + rechain._json(entry, rechain.LEGACY_FIELDS)).encode()).hexdigest()
        entry.save()
        previous = entry.entry_hash
        hashes.append(previous)
    Head.objects.update_or_create(pk=1, defaults={"last_hash": previous})
    return hashes


def _upgrade() -> None:
    MigrationExecutor(connection).migrate(NEW)


def test_an_intact_legacy_log_is_rechained_per_structure_under_the_key(old_schema):
    one, two = uuid.uuid4(), uuid.uuid4()
    _legacy_log(old_schema, [one, two, one, None, one])
    _upgrade()
    rows = list(AccessLogEntry.objects.order_by("id").values_list("chain", "sequence"))
    assert rows == [(str(one), 1), (str(two), 1), (str(one), 2), ("global", 1), (str(one), 3)]
    report = verify_chain()
    assert report.ok and report.checked == 5 and report.chains == 3


def test_a_broken_legacy_log_stops_the_upgrade(old_schema, monkeypatch):
    monkeypatch.delenv("AUDIT_RECHAIN_BROKEN_LOG", raising=False)
    _legacy_log(old_schema, [uuid.uuid4()] * 3)
    Entry = old_schema.get_model("audit", "AccessLogEntry")
    victim = Entry.objects.order_by("id")[1]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_accesslogentry DISABLE TRIGGER audit_no_update")
        cursor.execute("UPDATE audit_accesslogentry SET actor_email = 'x@y.example' WHERE id = %s", [victim.pk])
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_accesslogentry ENABLE TRIGGER audit_no_update")
    with pytest.raises(RuntimeError, match=f"id={victim.pk}: hash"):
        _upgrade()
    monkeypatch.setenv("AUDIT_RECHAIN_BROKEN_LOG", "1")
    _upgrade()
    assert AccessLogEntry.objects.count() == 3
