"""PostgreSQL: the purge goes through one SECURITY DEFINER function; TRUNCATE is refused.

Replaces the `tremplin.audit_purge` setting of 0002, which any role could set. DELETE is now allowed
only to statements run inside `audit_purge_entries(cutoff)`, by that function's owner (the trigger
reads the call stack and `current_user`); the function refuses a cutoff less than 180 days old by the
database's clock, takes the chains' advisory locks and returns, per chain, how many entries went and
the last deleted (sequence, hash). A BEFORE TRUNCATE trigger refuses TRUNCATE (row triggers do not
fire on it) except for a superuser, who could drop the trigger anyway (Django's test flush runs as one).
`manage.py audit_database_roles` then hands the table and these functions to a dedicated owner role.
Other databases (SQLite in development and tests) rely on the model's refusals.
"""

from django.db import migrations

TABLE = "audit_accesslogentry"
LOCK_NAMESPACE = 0x41554454  # tremplin.audit.services.LOCK_NAMESPACE
SIGNATURE = "audit_purge_entries(timestamp with time zone)"


def install_sql(schema: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION "{schema}".audit_purge_entries(cutoff timestamptz)
RETURNS TABLE(chain varchar, deleted bigint, last_sequence bigint, last_hash varchar)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "{schema}", pg_temp AS $$
#variable_conflict use_column
DECLARE
    chain_name varchar;
BEGIN
    IF cutoff IS NULL OR cutoff > now() - interval '180 days' THEN
        RAISE EXCEPTION 'Access log purge refused: entries younger than 180 days are kept (cutoff %)', cutoff;
    END IF;
    FOR chain_name IN SELECT DISTINCT e.chain FROM {TABLE} e WHERE e.at < cutoff ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock({LOCK_NAMESPACE}, hashtext(chain_name));
    END LOOP;
    RETURN QUERY
    WITH bounds AS (
        SELECT e.chain AS c,
               (SELECT min(n.sequence) FROM {TABLE} n WHERE n.chain = e.chain AND n.at >= cutoff) AS keep_from
        FROM {TABLE} e WHERE e.at < cutoff GROUP BY e.chain
    ), gone AS (
        DELETE FROM {TABLE} e USING bounds b
        WHERE e.chain = b.c AND (b.keep_from IS NULL OR e.sequence < b.keep_from)
        RETURNING e.chain AS c, e.sequence AS s, e.entry_hash AS h
    )
    SELECT g.c, count(*)::bigint, max(g.s)::bigint, (array_agg(g.h ORDER BY g.s DESC))[1]
    FROM gone g GROUP BY g.c ORDER BY g.c;
END;
$$;
REVOKE ALL ON FUNCTION "{schema}".audit_purge_entries(timestamptz) FROM PUBLIC;

CREATE OR REPLACE FUNCTION audit_refuse_delete() RETURNS trigger AS $$
DECLARE
    stack text;
BEGIN
    GET DIAGNOSTICS stack = PG_CONTEXT;
    IF stack LIKE '%function {SIGNATURE} %'
       AND current_user = (SELECT pg_get_userbyid(p.proowner) FROM pg_proc p
                           WHERE p.oid = '"{schema}".{SIGNATURE}'::regprocedure) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The access log is append-only: DELETE refused outside the purge function';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit_refuse_truncate() RETURNS trigger AS $$
BEGIN
    IF (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'The access log is append-only: TRUNCATE refused';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS audit_no_truncate ON {TABLE};
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();
"""


OLD_DELETE = """
CREATE OR REPLACE FUNCTION audit_refuse_delete() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('tremplin.audit_purge', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The access log is append-only: DELETE refused outside the purge';
END;
$$ LANGUAGE plpgsql;
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = cursor.fetchone()[0]
    schema_editor.execute(install_sql(schema), params=None)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS audit_no_truncate ON {TABLE}")
    schema_editor.execute("DROP FUNCTION IF EXISTS audit_refuse_truncate()")
    schema_editor.execute(OLD_DELETE, params=None)
    schema_editor.execute("DROP FUNCTION IF EXISTS audit_purge_entries(timestamptz)")


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_chains_per_structure")]

    operations = [migrations.RunPython(install, remove)]
