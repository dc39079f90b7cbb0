import pytest
from django.db import connection

from tremplin.audit.models import AccessLogEntry

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="database triggers exist on PostgreSQL only"
)


def tamper(entry: AccessLogEntry, **values) -> None:
    """Rewrites a stored entry behind the application's back, as an attacker with database access would."""
    table = AccessLogEntry._meta.db_table
    assignments = ", ".join(f"{name} = %s" for name in values)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER audit_no_update")
        cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = %s", [*values.values(), entry.pk])
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER audit_no_update")


def remove_behind_the_back(entry: AccessLogEntry) -> None:
    table = AccessLogEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL tremplin.audit_purge = 'on'")
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [entry.pk])
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL tremplin.audit_purge = 'off'")


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
