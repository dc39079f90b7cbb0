"""Least privilege for the access log on PostgreSQL: the table belongs to an owner role, the application only
reads and appends.

Prints the SQL, and runs it with --apply (as a superuser: changing a table's owner needs one).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connections, router

from tremplin.audit.models import AccessLogEntry

FUNCTIONS = (
    "audit_purge_entries(timestamptz)",
    "audit_refuse_update()",
    "audit_refuse_delete()",
    "audit_refuse_truncate()",
)


def role_statements(owner: str, app: str, sequence: str | None, quote) -> list[str]:
    table = quote(AccessLogEntry._meta.db_table)
    owner_q, app_q = quote(owner), quote(app)
    statements = [f"ALTER TABLE {table} OWNER TO {owner_q}"]
    statements += [f"ALTER FUNCTION {function} OWNER TO {owner_q}" for function in FUNCTIONS]
    statements += [
        f"REVOKE ALL ON TABLE {table} FROM PUBLIC",
        f"REVOKE ALL ON TABLE {table} FROM {app_q}",
        f"GRANT SELECT, INSERT ON TABLE {table} TO {app_q}",
    ]
    if sequence:  # an identity column's sequence follows its table's owner; the grant keeps nextval() possible
        statements.append(f"GRANT USAGE ON SEQUENCE {sequence} TO {app_q}")
    statements += [
        "REVOKE ALL ON FUNCTION audit_purge_entries(timestamptz) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION audit_purge_entries(timestamptz) TO {app_q}",
    ]
    return statements


class Command(BaseCommand):
    help = (
        "PostgreSQL: makes OWNER own the access log table and its functions, and leaves APP (the role the "
        "application connects with) SELECT and INSERT only, plus EXECUTE on the purge function. "
        "Prints the SQL; --apply runs it (as a superuser)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--owner", required=True, help="role that owns the log (runs the audit migrations)")
        parser.add_argument("--app", required=True, help="role the application connects with")
        parser.add_argument("--database", default=None, help="database alias (default: where the log is written)")
        parser.add_argument("--apply", action="store_true", help="run the statements (needs a superuser)")

    def handle(self, *args, owner: str, app: str, database: str | None, apply: bool, **options) -> None:
        alias = database or router.db_for_write(AccessLogEntry)
        connection = connections[alias]
        if connection.vendor != "postgresql":
            raise CommandError("Database roles apply to PostgreSQL only; on SQLite the model's refusals stand alone.")
        if owner == app:
            raise CommandError("--owner and --app must be two different roles: an owner can rewrite its tables.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolname FROM pg_roles WHERE rolname IN (%s, %s)", [owner, app])
            missing = {owner, app} - {row[0] for row in cursor.fetchall()}
            if missing:
                raise CommandError(
                    f"Unknown role(s): {', '.join(sorted(missing))}. Create them first (docs/deploy.md)."
                )
            cursor.execute(
                "SELECT pg_has_role(%s, %s, 'USAGE'), (SELECT rolsuper FROM pg_roles WHERE rolname = %s)",
                [app, owner, app],
            )
            member, superuser = cursor.fetchone()
            if member or superuser:
                raise CommandError(
                    f"The role {app} is a superuser or a member of {owner}: it would keep the owner's rights."
                )
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [AccessLogEntry._meta.db_table])
            sequence = cursor.fetchone()[0]
        statements = role_statements(owner, app, sequence, connection.ops.quote_name)
        for statement in statements:
            self.stdout.write(statement + ";")
        if apply:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
            self.stdout.write(f"Applied on database {alias!r}: {app} may only read and append to the access log.")
