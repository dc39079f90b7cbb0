"""Hashing of access log entries: sha256(previous_hash + canonical JSON of the entry's fields)."""

import datetime
import hashlib
import json

HASHED_FIELDS = (
    "at",
    "actor_id",
    "actor_email",
    "structure_public_id",
    "person_public_id",
    "action",
    "part",
    "object_public_id",
    "screen",
    "path",
    "ip",
    "detail",
)


def _value(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, (int, str)):
        return value
    return str(value)


def canonical_json(entry) -> str:
    """Sorted keys, no spaces, UTF-8: the same entry gives the same text on every database."""
    return json.dumps(
        {name: _value(getattr(entry, name)) for name in HASHED_FIELDS},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )


def compute_hash(entry) -> str:
    return hashlib.sha256((entry.previous_hash + canonical_json(entry)).encode()).hexdigest()
