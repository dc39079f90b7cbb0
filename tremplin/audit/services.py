"""Writing, reading and checking the access log.

Every append locks the single `ChainHead` row inside a transaction: writers queue,
each entry chains onto the one before, and concurrent requests cannot fork the chain.
"""

import dataclasses
import datetime
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db import connections, router, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from .chain import compute_hash
from .context import current_command, current_request
from .models import AccessLogEntry, Action, ChainHead

RETENTION_DEFAULT_DAYS = 365
RETENTION_MIN_DAYS = 180  # CNIL recommendation 2021-122: logs kept 6 months to 1 year
RETENTION_MAX_DAYS = 365


def _db() -> str:
    return router.db_for_write(AccessLogEntry)


def _locked_head(db: str) -> ChainHead:
    head = ChainHead.objects.using(db).select_for_update().filter(pk=1).first()
    if head is None:
        ChainHead.objects.using(db).get_or_create(pk=1)
        head = ChainHead.objects.using(db).select_for_update().get(pk=1)
    return head


def _append(**fields) -> AccessLogEntry:
    db = _db()
    with transaction.atomic(using=db, savepoint=False):
        head = _locked_head(db)
        # The time is taken under the lock, so time order and chain order agree.
        entry = AccessLogEntry(at=timezone.now(), previous_hash=head.last_hash, **fields)
        entry.entry_hash = compute_hash(entry)
        entry.save(using=db)
        ChainHead.objects.using(db).filter(pk=head.pk).update(last_hash=entry.entry_hash, last_entry_id=entry.pk)
    return entry


def _uuid(value) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _object_id(obj) -> str:
    if obj is None:
        return ""
    public_id = getattr(obj, "public_id", None)
    if public_id is not None:
        return str(public_id)
    return f"{obj._meta.model_name}:{obj.pk}"


def _structure_public_id(structure, request=None):
    """Public id of a structure given as object, public id or pk, without a query when the request knows it."""
    if structure is None:
        return None
    if hasattr(structure, "public_id"):
        return structure.public_id
    if isinstance(structure, uuid.UUID):
        return structure
    membership = getattr(request, "membership", None) if request is not None else None
    if membership is not None and membership.structure_id == structure:
        return membership.structure.public_id
    from tremplin.structures.models import Structure

    return Structure.objects.filter(pk=structure).values_list("public_id", flat=True).first()


def _request_fields(request) -> dict:
    if request is None:
        command = current_command()
        return {"screen": f"commande {command}"[:200] if command else ""}
    match = getattr(request, "resolver_match", None)
    return {
        "screen": (match.view_name if match else "")[:200],
        # The path only: a query string may hold searched names.
        "path": request.path[:500],
        "ip": (request.META.get("REMOTE_ADDR") or "")[:45],
    }


def _actor_fields(actor) -> dict:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor_id": None, "actor_email": ""}
    return {"actor_id": actor.pk, "actor_email": actor.email}


def log_event(*, actor, structure, person, part: str, action: str, obj=None, request=None) -> None:
    """Records one event. `structure` may be a Structure, its public id or its pk; `person` a Person or its public id."""
    person_id = getattr(person, "public_id", person)
    _append(
        **_actor_fields(actor),
        structure_public_id=_uuid(_structure_public_id(structure, request)),
        person_public_id=_uuid(person_id),
        action=action,
        part=part[:100],
        object_public_id=_object_id(obj),
        **_request_fields(request),
    )


def log_access(request: HttpRequest, *, person, part: str, action: str = "read", obj=None) -> None:
    """Records that the signed-in member read (or exported) a part of this person's file, from this screen."""
    log_event(
        actor=request.user,
        structure=person._state.fields_cache.get("structure") or person.structure_id,
        person=person,
        part=part,
        action=action,
        obj=obj,
        request=request,
    )


def log_access_many(request: HttpRequest, *, people: Iterable, part: str, action: str = "read", obj=None) -> None:
    """One access-log entry per person (in the given order), as `log_access` would write them one by one,
    with one lock, one insert and one update: a page about thirty people (an agenda, minutes, a handover)
    keeps the same query count as a page about three."""
    people = list(people)
    if not people:
        return
    db = _db()
    base = {
        **_actor_fields(request.user),
        "action": action,
        "part": part[:100],
        "object_public_id": _object_id(obj),
        **_request_fields(request),
    }
    structure_ids: dict = {}
    with transaction.atomic(using=db, savepoint=False):
        head = _locked_head(db)
        previous = head.last_hash
        entries = []
        at = timezone.now()
        for person in people:
            key = person.structure_id
            if key not in structure_ids:
                structure_ids[key] = _uuid(_structure_public_id(key, request))
            entry = AccessLogEntry(
                at=at,
                previous_hash=previous,
                structure_public_id=structure_ids[key],
                person_public_id=person.public_id,
                **base,
            )
            entry.entry_hash = compute_hash(entry)
            previous = entry.entry_hash
            entries.append(entry)
        AccessLogEntry.objects.using(db).bulk_create(entries)
        last = AccessLogEntry.objects.using(db).filter(entry_hash=previous).values_list("pk", flat=True).first()
        ChainHead.objects.using(db).filter(pk=head.pk).update(last_hash=previous, last_entry_id=last)


def log_change(instance, *, person, structure, part: str, action: str) -> None:
    """Hook for model signals: the actor is the current request's user, or nobody for a command."""
    request = current_request()
    log_event(
        actor=getattr(request, "user", None),
        structure=structure,
        person=person,
        part=part,
        action=action,
        obj=instance,
        request=request,
    )


def entries_for_person(person) -> QuerySet[AccessLogEntry]:
    """The person's own log, oldest first (part of their subject-access export)."""
    return (
        AccessLogEntry.objects.using(router.db_for_read(AccessLogEntry))
        .filter(person_public_id=person.public_id)
        .order_by("id")
    )


# Verification ---------------------------------------------------------------------------------


@dataclasses.dataclass
class ChainReport:
    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""


def verify_chain() -> ChainReport:
    """Walks the chain from the oldest remaining entry.

    The oldest entry must start the chain (empty previous hash) or follow a purge
    recorded by a "purge" entry; each entry's hash must match its fields; each
    entry must point to the one before; the head must point to the last entry.
    """
    db = router.db_for_read(AccessLogEntry)
    entries = AccessLogEntry.objects.using(db).order_by("id")
    anchors = set(entries.filter(action=Action.PURGE).values_list("object_public_id", flat=True))
    previous = None
    checked = 0
    for entry in entries.iterator(chunk_size=2000):
        if entry.entry_hash != compute_hash(entry):
            return ChainReport(False, checked, entry.pk, "hash")
        if previous is None:
            if entry.previous_hash and entry.previous_hash not in anchors:
                return ChainReport(False, checked, entry.pk, "start")
        elif entry.previous_hash != previous.entry_hash:
            return ChainReport(False, checked, entry.pk, "link")
        previous = entry
        checked += 1
    head = ChainHead.objects.using(db).filter(pk=1).first()
    head_hash = head.last_hash if head else ""
    last_hash = previous.entry_hash if previous else ""
    if head_hash != last_hash and not (previous is None and head_hash in anchors):
        return ChainReport(False, checked, head.last_entry_id if head else None, "head")
    return ChainReport(True, checked)


# Purge ----------------------------------------------------------------------------------------


@dataclasses.dataclass
class PurgeReport:
    days: int
    clamped: bool
    deleted: int
    up_to_hash: str


def retention_days() -> tuple[int, bool]:
    """settings.AUDIT_LOG_RETENTION_DAYS kept within 180–365 days; says whether it had to be clamped."""
    wanted = int(getattr(settings, "AUDIT_LOG_RETENTION_DAYS", RETENTION_DEFAULT_DAYS))
    days = min(max(wanted, RETENTION_MIN_DAYS), RETENTION_MAX_DAYS)
    return days, days != wanted


def purge_old_entries() -> PurgeReport:
    """Deletes the entries older than the retention, oldest first, and records a "purge" entry
    holding the hash of the last deleted entry, from which the remaining chain is verified."""
    days, clamped = retention_days()
    cutoff = timezone.now() - datetime.timedelta(days=days)
    db = _db()
    connection = connections[db]
    with transaction.atomic(using=db):
        _locked_head(db)
        last = (
            AccessLogEntry.objects.using(db)
            .filter(at__lt=cutoff)
            .order_by("-id")
            .values_list("id", "entry_hash")
            .first()
        )
        if last is None:
            return PurgeReport(days, clamped, 0, "")
        last_id, up_to_hash = last
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL tremplin.audit_purge = 'on'")
            cursor.execute(f"DELETE FROM {AccessLogEntry._meta.db_table} WHERE id <= %s", [last_id])  # noqa: S608
            deleted = cursor.rowcount
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL tremplin.audit_purge = 'off'")
        _append(
            actor_id=None,
            actor_email="",
            structure_public_id=None,
            person_public_id=None,
            action=Action.PURGE,
            part="journal",
            object_public_id=up_to_hash,
            screen=f"commande {current_command() or 'purge_access_log'}"[:200],
            detail=f"purged={deleted} retention_days={days} up_to={up_to_hash}",
        )
    return PurgeReport(days, clamped, deleted, up_to_hash)
