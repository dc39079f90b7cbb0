"""Signed checkpoints of the access log, kept outside the log's database.

A checkpoint says "chain C had reached sequence S, whose hash was H, at time T", signed with the log's
key. Whoever can rewrite the log tables (the database owner, a superuser) can remove the end of a
chain and nothing inside the database would show it; the checkpoints written before can still say
how far the chain went. The store is append-only by use (one JSON line per checkpoint, opened with
O_APPEND) and sits behind a two-method interface so that another store (a WORM bucket, a syslog
server) can replace the file: set AUDIT_CHECKPOINT_STORE to its dotted path.
"""

import dataclasses
import datetime
import hmac
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from .chain import sign


@dataclasses.dataclass(frozen=True)
class Checkpoint:
    chain: str
    sequence: int
    entry_hash: str
    at: str  # ISO 8601, UTC
    signature: str = ""

    def canonical(self) -> str:
        return json.dumps(
            {"at": self.at, "chain": self.chain, "entry_hash": self.entry_hash, "sequence": self.sequence},
            sort_keys=True,
            separators=(",", ":"),
        )

    def signed(self) -> "Checkpoint":
        return dataclasses.replace(self, signature=sign(self.canonical()))

    @property
    def valid(self) -> bool:
        return bool(self.signature) and hmac.compare_digest(self.signature, sign(self.canonical()))


class CheckpointStore(Protocol):
    def append(self, checkpoints: list[Checkpoint]) -> None: ...

    def read(self) -> Iterator[Checkpoint]:
        """Every checkpoint ever written; a line that cannot be read comes back unsigned (so invalid)."""
        ...


class FileCheckpointStore:
    """One JSON line per checkpoint in AUDIT_CHECKPOINT_DIR/checkpoints.jsonl, appended and synced."""

    name = "checkpoints.jsonl"

    def __init__(self, directory: str | Path | None = None) -> None:
        self.path = Path(directory or settings.AUDIT_CHECKPOINT_DIR) / self.name

    def append(self, checkpoints: list[Checkpoint]) -> None:
        if not checkpoints:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(
            json.dumps(dataclasses.asdict(checkpoint), sort_keys=True, separators=(",", ":")) + "\n"
            for checkpoint in checkpoints
        )
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(descriptor, text.encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def read(self) -> Iterator[Checkpoint]:
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                    yield Checkpoint(
                        chain=str(data["chain"]),
                        sequence=int(data["sequence"]),
                        entry_hash=str(data["entry_hash"]),
                        at=str(data["at"]),
                        signature=str(data.get("signature", "")),
                    )
                except (ValueError, KeyError, TypeError):
                    yield Checkpoint(chain=f"line {number}", sequence=0, entry_hash="", at="")


def store() -> CheckpointStore:
    dotted = getattr(settings, "AUDIT_CHECKPOINT_STORE", "")
    return import_string(dotted)() if dotted else FileCheckpointStore()


def current_heads() -> list[tuple[str, int, str]]:
    """(chain, last sequence, last hash) of every chain: the max sequence per chain, then those rows' hashes."""
    from django.db import router
    from django.db.models import Max, Q

    from .models import AccessLogEntry

    entries = AccessLogEntry.objects.using(router.db_for_read(AccessLogEntry))
    lasts = dict(entries.order_by().values("chain").annotate(last=Max("sequence")).values_list("chain", "last"))
    heads = []
    items = sorted(lasts.items())
    for start in range(0, len(items), 500):
        wanted = Q()
        for chain, sequence in items[start : start + 500]:
            wanted |= Q(chain=chain, sequence=sequence)
        heads += entries.filter(wanted).values_list("chain", "sequence", "entry_hash")
    return sorted(heads)


def write_checkpoints(target: CheckpointStore | None = None) -> list[Checkpoint]:
    """Signs and stores the current head of every chain."""
    at = timezone.now().astimezone(datetime.UTC).isoformat()
    checkpoints = [
        Checkpoint(chain=chain, sequence=sequence, entry_hash=entry_hash, at=at).signed()
        for chain, sequence, entry_hash in current_heads()
    ]
    (target or store()).append(checkpoints)
    return checkpoints
