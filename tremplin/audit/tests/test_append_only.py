import pytest
from django.db import DatabaseError, connection, transaction

from tremplin.audit.models import AccessLogEntry, AppendOnlyError

from .conftest import needs_postgresql

pytestmark = pytest.mark.django_db


def test_an_entry_cannot_be_saved_again(log_entries):
    entry = log_entries[0]
    entry.part = "autre"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_an_entry_cannot_be_deleted(log_entries):
    with pytest.raises(AppendOnlyError):
        log_entries[0].delete()


def test_the_queryset_refuses_update_and_delete(log_entries):
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=log_entries[0].pk).update(part="autre")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.filter(pk=log_entries[0].pk, part="person").exists()


def _raw(sql: str, params=()) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@needs_postgresql
def test_postgresql_refuses_an_update_even_in_raw_sql(log_entries):
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("UPDATE audit_accesslogentry SET part = 'x' WHERE id = %s", [log_entries[0].pk])


@needs_postgresql
def test_postgresql_refuses_an_update_even_with_the_purge_flag(log_entries):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL tremplin.audit_purge = 'on'")
        cursor.execute("UPDATE audit_accesslogentry SET part = 'x' WHERE id = %s", [log_entries[0].pk])


@needs_postgresql
def test_postgresql_refuses_a_delete_outside_the_purge(log_entries):
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("DELETE FROM audit_accesslogentry WHERE id = %s", [log_entries[0].pk])
    assert AccessLogEntry.objects.filter(pk=log_entries[0].pk).exists()


@needs_postgresql
def test_postgresql_refuses_a_delete_even_with_the_old_purge_flag(log_entries):
    """The review's attack (a): `tremplin.audit_purge` was settable by any role; it no longer opens anything."""
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL tremplin.audit_purge = 'on'")
        cursor.execute("SET LOCAL tremplin.audit_purging = 'on'")
        cursor.execute("DELETE FROM audit_accesslogentry WHERE id = %s", [log_entries[2].pk])
    assert AccessLogEntry.objects.filter(pk=log_entries[2].pk).exists()


@needs_postgresql
def test_postgresql_refuses_truncate_to_a_role_that_is_not_superuser(log_entries):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("CREATE ROLE audit_test_truncator NOSUPERUSER")
        cursor.execute("GRANT TRUNCATE ON audit_accesslogentry TO audit_test_truncator")
        with pytest.raises(DatabaseError, match="TRUNCATE refused"), transaction.atomic():
            cursor.execute("SET ROLE audit_test_truncator")
            cursor.execute("TRUNCATE audit_accesslogentry")
    assert AccessLogEntry.objects.filter(pk=log_entries[0].pk).exists()
