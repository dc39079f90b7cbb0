"""Keyed hashing of access log entries: HMAC-SHA256(key, previous_hash + canonical JSON of the entry's fields).

The key (`AUDIT_LOG_KEY`) lives outside the database: whoever can write the log tables but does not
hold the key cannot compute a valid hash, so cannot edit an entry and re-chain the ones after it.
"""

import datetime
import functools
import hashlib
import hmac
import json

from django.conf import settings
from django.utils.crypto import salted_hmac

HASHED_FIELDS = (
    "chain",
    "sequence",
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
GLOBAL_CHAIN = "global"
CHECKPOINT_PREFIX = "checkpoint:"


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


@functools.lru_cache(maxsize=4)
def _key(configured: str, secret_key: str) -> bytes:
    if configured:
        return configured.encode()
    # Development and tests only: settings refuse to start without AUDIT_LOG_KEY when DEBUG is off.
    return salted_hmac("tremplin.audit.log-key", "access-log", secret=secret_key, algorithm="sha256").digest()


def log_key() -> bytes:
    """The key of the log's HMACs: AUDIT_LOG_KEY, or (development) one derived from SECRET_KEY with its own salt."""
    return _key(getattr(settings, "AUDIT_LOG_KEY", ""), settings.SECRET_KEY)


def chain_of(structure_public_id) -> str:
    """One chain per structure (its public id), the rest in the "global" chain."""
    return str(structure_public_id) if structure_public_id else GLOBAL_CHAIN


def compute_hash(entry) -> str:
    message = (entry.previous_hash + canonical_json(entry)).encode()
    return hmac.new(log_key(), message, hashlib.sha256).hexdigest()


def sign(text: str) -> str:
    """HMAC of a checkpoint's canonical text; the prefix keeps it apart from entry hashes."""
    return hmac.new(log_key(), (CHECKPOINT_PREFIX + text).encode(), hashlib.sha256).hexdigest()
