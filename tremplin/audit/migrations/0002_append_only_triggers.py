"""On PostgreSQL, the database itself refuses to rewrite the access log.

UPDATE is always refused; DELETE only inside a transaction that set
`SET LOCAL tremplin.audit_purge = 'on'`, which only the purge command does.
Other databases (SQLite in development and tests) rely on the model's refusals.
"""

from django.db import migrations

TABLE = "audit_accesslogentry"

INSTALL = f"""
CREATE OR REPLACE FUNCTION audit_refuse_update() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The access log is append-only: UPDATE refused';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit_refuse_delete() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('tremplin.audit_purge', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The access log is append-only: DELETE refused outside the purge';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS audit_no_update ON {TABLE};
CREATE TRIGGER audit_no_update BEFORE UPDATE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_update();
DROP TRIGGER IF EXISTS audit_no_delete ON {TABLE};
CREATE TRIGGER audit_no_delete BEFORE DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_delete();
"""

REMOVE = f"""
DROP TRIGGER IF EXISTS audit_no_update ON {TABLE};
DROP TRIGGER IF EXISTS audit_no_delete ON {TABLE};
DROP FUNCTION IF EXISTS audit_refuse_update();
DROP FUNCTION IF EXISTS audit_refuse_delete();
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INSTALL)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


def create_head(apps, schema_editor):
    ChainHead = apps.get_model("audit", "ChainHead")
    ChainHead.objects.using(schema_editor.connection.alias).get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(install, remove),
        migrations.RunPython(create_head, migrations.RunPython.noop),
    ]
