"""One chain per structure, keyed hashes, no mutable chain head.

Existing entries: the old single chain (plain SHA-256) is verified first with the old rule; if it is
intact, the entries are re-chained once, in their order, into one chain per structure under
AUDIT_LOG_KEY (sequence 1, 2, 3… per chain). If it is broken the migration stops: a tampered log is
a security incident to record before anything rewrites it (docs/decisions/0004-access-log.md);
AUDIT_RECHAIN_BROKEN_LOG=1 re-chains it anyway once the evidence is kept.
"""

import datetime
import hashlib
import hmac
import json
import os

from django.db import migrations, models

LEGACY_FIELDS = (
    "at", "actor_id", "actor_email", "structure_public_id", "person_public_id", "action", "part",
    "object_public_id", "screen", "path", "ip", "detail",
)
FIELDS = ("chain", "sequence", *LEGACY_FIELDS)


def _value(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, (int, str)):
        return value
    return str(value)


def _json(entry, fields) -> str:
    data = {name: _value(getattr(entry, name)) for name in fields}
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _legacy_problem(Entry, ChainHead, db) -> str:
    """The old verification (plain SHA-256, single chain, head row), frozen here."""
    entries = Entry.objects.using(db).order_by("id")
    anchors = set(entries.filter(action="purge").values_list("object_public_id", flat=True))
    previous = None
    for entry in entries.iterator(chunk_size=2000):
        expected = hashlib.sha256((entry.previous_hash + _json(entry, LEGACY_FIELDS)).encode()).hexdigest()
        if entry.entry_hash != expected:
            return f"entry id={entry.pk}: hash"
        if previous is None:
            if entry.previous_hash and entry.previous_hash not in anchors:
                return f"entry id={entry.pk}: start"
        elif entry.previous_hash != previous.entry_hash:
            return f"entry id={entry.pk}: link"
        previous = entry
    head = ChainHead.objects.using(db).filter(pk=1).first()
    head_hash = head.last_hash if head else ""
    last_hash = previous.entry_hash if previous else ""
    if head_hash != last_hash and not (previous is None and head_hash in anchors):
        return "head"
    return ""


def rechain(apps, schema_editor):
    from tremplin.audit.chain import log_key

    Entry = apps.get_model("audit", "AccessLogEntry")
    ChainHead = apps.get_model("audit", "ChainHead")
    db = schema_editor.connection.alias
    if not Entry.objects.using(db).exists():
        return
    problem = _legacy_problem(Entry, ChainHead, db)
    if problem and os.environ.get("AUDIT_RECHAIN_BROKEN_LOG") != "1":
        raise RuntimeError(
            f"The access log's old hash chain is broken ({problem}). Keep a copy of the table as evidence "
            "(a security incident), then run the migration again with AUDIT_RECHAIN_BROKEN_LOG=1."
        )
    key = log_key()
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        schema_editor.execute("ALTER TABLE audit_accesslogentry DISABLE TRIGGER audit_no_update")
    lasts: dict[str, tuple[int, str]] = {}
    rows = []
    update = (
        "UPDATE audit_accesslogentry SET chain = %s, sequence = %s, previous_hash = %s, entry_hash = %s WHERE id = %s"
    )
    def pages():
        last_id = 0
        while page := list(Entry.objects.using(db).filter(id__gt=last_id).order_by("id")[:2000]):
            yield from page
            last_id = page[-1].pk

    with schema_editor.connection.cursor() as cursor:
        for entry in pages():
            entry.chain = str(entry.structure_public_id) if entry.structure_public_id else "global"
            sequence, previous = lasts.get(entry.chain, (0, ""))
            entry.sequence = sequence + 1
            entry.previous_hash = previous
            message = (entry.previous_hash + _json(entry, FIELDS)).encode()
            entry.entry_hash = hmac.new(key, message, hashlib.sha256).hexdigest()
            lasts[entry.chain] = (entry.sequence, entry.entry_hash)
            rows.append((entry.chain, entry.sequence, entry.previous_hash, entry.entry_hash, entry.pk))
            if len(rows) >= 2000:
                cursor.executemany(update, rows)
                rows = []
        cursor.executemany(update, rows)
    if postgresql:
        schema_editor.execute("ALTER TABLE audit_accesslogentry ENABLE TRIGGER audit_no_update")


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [
        migrations.AddField(
            model_name="accesslogentry",
            name="chain",
            field=models.CharField(default="", max_length=36, verbose_name="chaîne"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="accesslogentry",
            name="sequence",
            field=models.PositiveBigIntegerField(null=True, verbose_name="numéro dans la chaîne"),
        ),
        migrations.RunPython(rechain, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="accesslogentry",
            name="sequence",
            field=models.PositiveBigIntegerField(verbose_name="numéro dans la chaîne"),
        ),
        migrations.AddConstraint(
            model_name="accesslogentry",
            constraint=models.UniqueConstraint(fields=("chain", "sequence"), name="audit_entry_chain_sequence"),
        ),
        migrations.DeleteModel(name="ChainHead"),
    ]
