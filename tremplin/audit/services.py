"""Writing, reading and checking the access log.

One chain per structure (entries without a structure go to the "global" chain). An append takes
its chain's lock, reads the chain's last (sequence, hash) by index and inserts the next entry:
writers of one structure queue, writers of different structures do not wait for each other,
and UNIQUE(chain, sequence) means a chain can never fork. On PostgreSQL the lock is
`pg_advisory_xact_lock`, which needs no privilege on any table; on SQLite the database's
single write lock, taken first by a write that changes nothing.
"""

import contextlib
import dataclasses
import datetime
import re
import threading
import uuid
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import connections, router, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from .chain import GLOBAL_CHAIN, chain_of, compute_hash
from .context import current_command, current_request
from .models import AccessLogEntry, Action

RETENTION_DEFAULT_DAYS = 365
RETENTION_MIN_DAYS = 180  # CNIL recommendation 2021-122: logs kept 6 months to 1 year (also enforced in SQL)
RETENTION_MAX_DAYS = 365
# First key of the two-integer advisory locks, so the log's locks never meet another feature's.
LOCK_NAMESPACE = 0x41554454  # "AUDT"


def _db() -> str:
    return router.db_for_write(AccessLogEntry)


def _lock_chains(db: str, chains: Iterable[str]) -> None:
    """Takes each chain's lock until the end of the transaction, in a fixed order (no deadlock between two
    multi-chain writers), so the read of a chain's last entry and the insert after it are never interleaved
    with another writer's. SQLite has one write lock for the whole file: a write that changes nothing takes it.
    """
    connection = connections[db]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(f"UPDATE {AccessLogEntry._meta.db_table} SET id = id WHERE 0 = 1")  # noqa: S608
            return
        for chain in sorted(set(chains)):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [LOCK_NAMESPACE, chain])


def _last(db: str, chain: str) -> tuple[int, str]:
    """The chain's last (sequence, hash), read through the (chain, sequence) index; (0, "") for a new chain."""
    row = (
        AccessLogEntry.objects.using(db)
        .filter(chain=chain)
        .order_by("-sequence")
        .values_list("sequence", "entry_hash")
        .first()
    )
    return row or (0, "")


def _chained(entry: AccessLogEntry, last: tuple[int, str]) -> AccessLogEntry:
    entry.sequence = last[0] + 1
    entry.previous_hash = last[1]
    entry.entry_hash = compute_hash(entry)
    return entry


_batch = threading.local()


@contextlib.contextmanager
def batched_appends() -> Iterator[None]:
    """Within the block, entries are kept and appended when it ends: one lock, one read per chain and one insert,
    as `log_access_many` does, instead of four queries per entry. For a bulk operation that writes thousands of
    logged records in one transaction (a spreadsheet import); the block must sit inside that transaction, so
    that an exception (a rollback) drops the kept entries with the records they describe. The entries are timed
    when written, under the lock, so time order and chain order still agree."""
    if getattr(_batch, "entries", None) is not None:  # already batching: the outer block writes
        yield
        return
    _batch.entries, _batch.structures = [], {}
    try:
        yield
        entries = _batch.entries
    finally:
        _batch.entries = _batch.structures = None
    if not entries:
        return
    db = _db()
    with transaction.atomic(using=db, savepoint=False):
        chains = [chain_of(fields.get("structure_public_id")) for fields in entries]
        _lock_chains(db, chains)
        lasts = {chain: _last(db, chain) for chain in set(chains)}
        at = timezone.now()
        written = []
        for chain, fields in zip(chains, entries, strict=True):
            entry = _chained(AccessLogEntry(chain=chain, at=at, **fields), lasts[chain])
            lasts[chain] = (entry.sequence, entry.entry_hash)
            written.append(entry)
        AccessLogEntry.objects.using(db).bulk_create(written, batch_size=1000)


def _append(*, after: tuple[int, str] | None = None, **fields) -> AccessLogEntry | None:
    """Appends one entry to its structure's chain. `after` is where a chain left empty by the purge resumes.
    Inside `batched_appends` the entry is kept for the end of the block (and None returned)."""
    if after is None and getattr(_batch, "entries", None) is not None:
        _batch.entries.append(fields)
        return None
    db = _db()
    chain = chain_of(fields.get("structure_public_id"))
    with transaction.atomic(using=db, savepoint=False):
        _lock_chains(db, [chain])
        last = _last(db, chain)
        if last == (0, "") and after is not None:
            last = after
        # The time is taken under the lock, so time order and chain order agree.
        entry = _chained(AccessLogEntry(chain=chain, at=timezone.now(), **fields), last)
        entry.save(using=db)
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

    known = getattr(_batch, "structures", None)
    if known is not None and structure in known:
        return known[structure]
    public_id = Structure.objects.filter(pk=structure).values_list("public_id", flat=True).first()
    if known is not None:
        known[structure] = public_id
    return public_id


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
    with one lock and one read per chain (structure) and one insert: a page about thirty people (an agenda,
    minutes, a handover) keeps the same query count as a page about three."""
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
    for person in people:
        key = person.structure_id
        if key not in structure_ids:
            structure_ids[key] = _uuid(_structure_public_id(key, request))
    chains = {key: chain_of(public_id) for key, public_id in structure_ids.items()}
    with transaction.atomic(using=db, savepoint=False):
        _lock_chains(db, chains.values())
        lasts = {chain: _last(db, chain) for chain in set(chains.values())}
        entries = []
        at = timezone.now()
        for person in people:
            chain = chains[person.structure_id]
            entry = AccessLogEntry(
                chain=chain,
                at=at,
                structure_public_id=structure_ids[person.structure_id],
                person_public_id=person.public_id,
                **base,
            )
            _chained(entry, lasts[chain])
            lasts[chain] = (entry.sequence, entry.entry_hash)
            entries.append(entry)
        AccessLogEntry.objects.using(db).bulk_create(entries)


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

PURGE_DETAIL = re.compile(r"up_to_sequence=(?P<sequence>\d+) up_to=(?P<hash>[0-9a-f]{64})")


@dataclasses.dataclass
class Problem:
    """The first thing wrong in one chain. `reason`: hash, start, gap, link, checkpoint, missing, signature."""

    chain: str
    reason: str
    entry_id: int | None = None
    sequence: int | None = None


@dataclasses.dataclass
class ChainReport:
    checked: int
    problems: list[Problem] = dataclasses.field(default_factory=list)
    chains: int = 0
    checkpoints: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def broken_id(self) -> int | None:
        return self.problems[0].entry_id if self.problems else None

    @property
    def reason(self) -> str:
        return self.problems[0].reason if self.problems else ""


def _purge_anchors(entries: QuerySet) -> dict[str, dict[int, str]]:
    """Per chain, {last purged sequence: its hash} as recorded by the chain's purge entries (themselves keyed)."""
    anchors: dict[str, dict[int, str]] = {}
    for chain, detail in entries.filter(action=Action.PURGE).values_list("chain", "detail"):
        match = PURGE_DETAIL.search(detail)
        if match:
            anchors.setdefault(chain, {})[int(match["sequence"])] = match["hash"]
    return anchors


def _checkpoints_by_chain(problems: list[Problem]) -> tuple[dict[str, dict[int, set[str]]], int]:
    from .checkpoints import store

    by_chain: dict[str, dict[int, set[str]]] = {}
    count = 0
    for checkpoint in store().read():
        count += 1
        if not checkpoint.valid:
            if not any(p.reason == "signature" for p in problems):
                problems.append(Problem(checkpoint.chain, "signature", sequence=checkpoint.sequence))
            continue
        by_chain.setdefault(checkpoint.chain, {}).setdefault(checkpoint.sequence, set()).add(checkpoint.entry_hash)
    return by_chain, count


class _ChainWalk:
    """Checks one chain entry by entry, in sequence order; stops at its first problem."""

    def __init__(self, chain: str, anchors: dict[int, str], checkpoints: dict[int, set[str]]) -> None:
        self.chain, self.anchors, self.checkpoints = chain, anchors, checkpoints
        self.previous: AccessLogEntry | None = None
        self.problem: Problem | None = None
        self.checked = 0

    def feed(self, entry: AccessLogEntry) -> None:
        if self.problem is not None:
            return
        reason = self._reason(entry)
        if reason:
            self.problem = Problem(self.chain, reason, entry.pk, entry.sequence)
            return
        self.previous = entry
        self.checked += 1

    def _reason(self, entry: AccessLogEntry) -> str:
        if entry.entry_hash != compute_hash(entry):
            return "hash"
        previous = self.previous
        if previous is None:
            if entry.sequence == 1:
                if entry.previous_hash:
                    return "start"
            elif self.anchors.get(entry.sequence - 1) != entry.previous_hash:
                return "start"
        elif entry.sequence != previous.sequence + 1:
            return "gap"
        elif entry.previous_hash != previous.entry_hash:
            return "link"
        if entry.sequence in self.checkpoints and self.checkpoints[entry.sequence] != {entry.entry_hash}:
            return "checkpoint"
        return ""

    def finish(self) -> Problem | None:
        """After the last entry: every checkpointed sequence must still be there, or have been purged."""
        if self.problem is not None:
            return self.problem
        purged_up_to = max(self.anchors, default=0)
        last = self.previous.sequence if self.previous else 0
        first = last - self.checked + 1 if self.previous else 1
        for sequence in sorted(self.checkpoints):
            if sequence <= purged_up_to or first <= sequence <= last:
                continue
            entry_id = self.previous.pk if self.previous else None
            return Problem(self.chain, "missing", entry_id, sequence)
        return None


def verify_chain() -> ChainReport:
    """Walks every chain from its oldest remaining entry, and checks it against the signed checkpoints.

    In each chain: every hash must match the entry's fields under the key; the oldest entry must start
    the chain (sequence 1, no previous hash) or follow a purge recorded by a keyed "purge" entry; the
    sequence has no gap and each entry points to the one before; the entry at a checkpoint's sequence
    has the checkpoint's hash; no checkpointed sequence is missing unless a purge covers it (so a removed
    or rewritten tail is found). A checkpoint whose signature fails is a problem too.
    """
    db = router.db_for_read(AccessLogEntry)
    entries = AccessLogEntry.objects.using(db)
    problems: list[Problem] = []
    checkpoints, checkpoint_count = _checkpoints_by_chain(problems)
    anchors = _purge_anchors(entries)
    report = ChainReport(checked=0, problems=problems, checkpoints=checkpoint_count)
    walks: dict[str, _ChainWalk] = {}
    walk = None
    for entry in entries.order_by("chain", "sequence").iterator(chunk_size=2000):
        if walk is None or walk.chain != entry.chain:
            walk = walks[entry.chain] = _ChainWalk(
                entry.chain, anchors.get(entry.chain, {}), checkpoints.get(entry.chain, {})
            )
        walk.feed(entry)
    for chain in checkpoints.keys() - walks.keys():
        walks[chain] = _ChainWalk(chain, anchors.get(chain, {}), checkpoints[chain])
    for chain in sorted(walks):
        problem = walks[chain].finish()
        report.checked += walks[chain].checked
        if problem is not None:
            problems.append(problem)
    problems.sort(key=lambda p: (p.reason != "signature", p.entry_id is None, p.entry_id or 0))
    report.chains = len(walks)
    return report


# Purge ----------------------------------------------------------------------------------------


@dataclasses.dataclass
class PurgeReport:
    days: int
    clamped: bool
    deleted: int
    up_to_hash: str
    chains: dict[str, tuple[int, int, str]] = dataclasses.field(default_factory=dict)


def retention_days() -> tuple[int, bool]:
    """settings.AUDIT_LOG_RETENTION_DAYS kept within 180–365 days; says whether it had to be clamped."""
    wanted = int(getattr(settings, "AUDIT_LOG_RETENTION_DAYS", RETENTION_DEFAULT_DAYS))
    days = min(max(wanted, RETENTION_MIN_DAYS), RETENTION_MAX_DAYS)
    return days, days != wanted


def _delete_old(db: str, cutoff: datetime.datetime) -> dict[str, tuple[int, int, str]]:
    """Deletes, in each chain, the entries before the first one at or after `cutoff` (a prefix of the chain,
    so no gap). Returns {chain: (deleted, last deleted sequence, its hash)}.

    On PostgreSQL this is the SECURITY DEFINER function `audit_purge_entries`, owned by the log's owner
    role: the application role holds no DELETE privilege, and the function itself refuses a cutoff
    less than 180 days old by the database's clock. It also takes the chains' locks."""
    connection = connections[db]
    table = AccessLogEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT chain, deleted, last_sequence, last_hash FROM audit_purge_entries(%s)", [cutoff])
            return {chain: (deleted, sequence, last_hash) for chain, deleted, sequence, last_hash in cursor.fetchall()}
        gone: dict[str, tuple[int, int, str]] = {}
        old_chains = AccessLogEntry.objects.using(db).filter(at__lt=cutoff).values_list("chain", flat=True).distinct()
        for chain in sorted(old_chains):
            entries = AccessLogEntry.objects.using(db).filter(chain=chain)
            keep_from = entries.filter(at__gte=cutoff).order_by("sequence").values_list("sequence", flat=True).first()
            doomed = entries if keep_from is None else entries.filter(sequence__lt=keep_from)
            last = doomed.order_by("-sequence").values_list("sequence", "entry_hash").first()
            if last is None:  # the chain's oldest entry is recent: its older ones cannot go without a gap
                continue
            count = doomed.count()
            sequence, last_hash = last
            cursor.execute(f"DELETE FROM {table} WHERE chain = %s AND sequence <= %s", [chain, sequence])  # noqa: S608
            gone[chain] = (count, sequence, last_hash)
        return gone


def purge_old_entries() -> PurgeReport:
    """Deletes the entries older than the retention, and appends to each purged chain a keyed "purge" entry
    holding how many went and the last deleted (sequence, hash), from which the rest of the chain is verified."""
    days, clamped = retention_days()
    cutoff = timezone.now() - datetime.timedelta(days=days)
    db = _db()
    with transaction.atomic(using=db):
        gone = _delete_old(db, cutoff)
        for chain, (deleted, sequence, last_hash) in sorted(gone.items()):
            _append(
                after=(sequence, last_hash),
                actor_id=None,
                actor_email="",
                structure_public_id=None if chain == GLOBAL_CHAIN else uuid.UUID(chain),
                person_public_id=None,
                action=Action.PURGE,
                part="journal",
                object_public_id=last_hash,
                screen=f"commande {current_command() or 'purge_access_log'}"[:200],
                detail=f"purged={deleted} retention_days={days} up_to_sequence={sequence} up_to={last_hash}",
            )
    deleted = sum(count for count, _, _ in gone.values())
    last_hash = gone[max(gone, key=lambda chain: gone[chain][1])][2] if gone else ""
    return PurgeReport(days, clamped, deleted, last_hash, gone)
