"""The security review's three attacks on PostgreSQL, replayed with a least-privilege app role and with the
non-superuser role that owns the log table (as the review did).

The roles are created inside the test's transaction, so they vanish with it. `acting_as` switches the
connection to a role (SET ROLE) inside a savepoint: whatever the role fails to do is rolled back.
"""

import contextlib
import datetime
import uuid

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from tremplin.audit.checkpoints import write_checkpoints
from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import log_event, purge_old_entries, verify_chain

from .conftest import needs_postgresql, rechain_without_the_key

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, needs_postgresql]
TABLE = AccessLogEntry._meta.db_table


@pytest.fixture
def roles():
    """An owner role (not superuser) owning the log, and the application's role, set up by the command."""
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"audit_owner_{suffix}", f"audit_app_{suffix}"
    with connection.cursor() as cursor:
        for role in (owner, app):
            cursor.execute(f"CREATE ROLE {role} NOSUPERUSER NOLOGIN")
            cursor.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
    call_command("audit_database_roles", owner=owner, app=app, apply=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return owner, app


@contextlib.contextmanager
def acting_as(role: str):
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"SET ROLE {role}")
        yield
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


def sql(statement: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def checkpointed(log_entries):
    write_checkpoints()
    return log_entries


def test_the_app_role_reads_appends_verifies_and_purges_through_the_function(roles, structure, member):
    owner, app = roles
    actor = member()
    start = datetime.datetime(2025, 1, 10, 9, tzinfo=datetime.UTC)
    for days in (0, 100):
        with time_machine.travel(start + datetime.timedelta(days=days), tick=False):
            log_event(actor=actor, structure=structure, person=None, part="person", action="read")
    with acting_as(app):
        log_event(actor=actor, structure=structure, person=None, part="person", action="read")
        with time_machine.travel(start + datetime.timedelta(days=365 + 50), tick=False):
            report = purge_old_entries()
        assert verify_chain().ok
    assert report.deleted == 1
    assert AccessLogEntry.objects.filter(action="purge", chain=str(structure.public_id)).count() == 1


def test_the_purge_function_refuses_to_delete_entries_younger_than_180_days(roles, checkpointed):
    owner, app = roles
    for role in (app, owner):
        with pytest.raises(DatabaseError, match="younger than 180 days"), acting_as(role):
            sql("SELECT * FROM audit_purge_entries(now() - interval '179 days')")
    assert AccessLogEntry.objects.filter(pk=checkpointed[2].pk).exists()


def test_attack_a_purge_flag_and_delete_of_the_tail(roles, checkpointed):
    owner, app = roles
    last_two = [e.pk for e in checkpointed[1:]]
    # As the application's role: no DELETE privilege, the flag changes nothing.
    with pytest.raises(DatabaseError, match="permission denied"), acting_as(app):
        sql("SET LOCAL tremplin.audit_purge = 'on'")
        sql(f"DELETE FROM {TABLE} WHERE id = ANY(%s)", [last_two])
    # As the owner, the trigger refuses too, flag or not.
    with pytest.raises(DatabaseError, match="append-only"), acting_as(owner):
        sql("SET LOCAL tremplin.audit_purge = 'on'")
        sql(f"DELETE FROM {TABLE} WHERE id = ANY(%s)", [last_two])
    assert verify_chain().ok
    # The owner can switch its triggers off and delete the tail: the checkpoint tells.
    with acting_as(owner):
        sql(f"ALTER TABLE {TABLE} DISABLE TRIGGER USER")
        sql(f"DELETE FROM {TABLE} WHERE id = ANY(%s)", [last_two])
        sql(f"ALTER TABLE {TABLE} ENABLE TRIGGER USER")
    report = verify_chain()
    assert (report.ok, report.reason) == (False, "missing")
    assert report.problems[0].chain == checkpointed[0].chain
    with pytest.raises(CommandError, match="missing"):
        call_command("verify_access_log")


def test_attack_b_disable_triggers_edit_and_rechain_with_plain_sha256(roles, checkpointed):
    owner, app = roles
    target = checkpointed[0]
    with pytest.raises(DatabaseError, match="must be owner"), acting_as(app):
        sql(f"ALTER TABLE {TABLE} DISABLE TRIGGER USER")
    with pytest.raises(DatabaseError, match="permission denied"), acting_as(app):
        sql(f"UPDATE {TABLE} SET actor_email = 'x@ailleurs.example' WHERE id = %s", [target.pk])
    assert verify_chain().ok
    with acting_as(owner):
        sql(f"ALTER TABLE {TABLE} DISABLE TRIGGER USER")
        rechain_without_the_key(target, actor_email="x@ailleurs.example")
        sql(f"ALTER TABLE {TABLE} ENABLE TRIGGER USER")
    assert AccessLogEntry.objects.get(pk=target.pk).actor_email == "x@ailleurs.example"
    report = verify_chain()
    assert (report.ok, report.broken_id, report.reason) == (False, target.pk, "hash")


def test_attack_c_truncate_and_reset(roles, checkpointed):
    owner, app = roles
    with pytest.raises(DatabaseError, match="permission denied"), acting_as(app):
        sql(f"TRUNCATE {TABLE}")
    with pytest.raises(DatabaseError, match="TRUNCATE refused"), acting_as(owner):
        sql(f"TRUNCATE {TABLE}")
    assert AccessLogEntry.objects.exists()
    with acting_as(owner):
        sql(f"DROP TRIGGER audit_no_truncate ON {TABLE}")
        sql(f"TRUNCATE {TABLE}")
    assert not AccessLogEntry.objects.exists()
    report = verify_chain()
    assert (report.ok, report.reason, report.checked) == (False, "missing", 0)
    assert checkpointed[0].chain in {problem.chain for problem in report.problems}


def test_the_app_role_cannot_replace_the_purge_function_nor_the_triggers(roles):
    owner, app = roles
    with pytest.raises(DatabaseError, match="must be owner|permission denied"), acting_as(app):
        sql(
            "CREATE OR REPLACE FUNCTION audit_refuse_delete() RETURNS trigger AS $$ BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql"
        )
    with pytest.raises(DatabaseError, match="must be owner"), acting_as(app):
        sql(f"DROP TRIGGER audit_no_delete ON {TABLE}")


def test_the_roles_command_refuses_an_app_role_that_would_keep_the_owners_rights(roles):
    owner, app = roles
    with pytest.raises(CommandError, match="two different roles"):
        call_command("audit_database_roles", owner=owner, app=owner)
    sql(f"GRANT {owner} TO {app}")
    with pytest.raises(CommandError, match="member of"):
        call_command("audit_database_roles", owner=owner, app=app)
