"""Logging the reading of several people's files at once (an agenda, minutes, a handover inbox).

`tremplin.audit.services.log_access` appends one entry per call (three queries each): on a page
about thirty people the query count would grow with the agenda. This appends the same entries,
one per person and chained in the same way, with one lock, one insert and one update.
TODO(lead): move into tremplin.audit.services as `log_access_many` (it uses that module's helpers).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tremplin.audit import services as audit
from tremplin.audit.chain import compute_hash
from tremplin.audit.models import AccessLogEntry, ChainHead


def log_access_many(request: HttpRequest, *, people: Iterable, part: str, action: str = "read", obj=None) -> None:
    """One access-log entry per person (in the given order), as `log_access` would write them one by one."""
    people = list(people)
    if not people:
        return
    db = audit._db()
    base = {
        **audit._actor_fields(request.user),
        "action": action,
        "part": part[:100],
        "object_public_id": audit._object_id(obj),
        **audit._request_fields(request),
    }
    structure_ids: dict = {}
    with transaction.atomic(using=db, savepoint=False):
        head = audit._locked_head(db)
        previous = head.last_hash
        entries = []
        at = timezone.now()
        for person in people:
            key = person.structure_id
            if key not in structure_ids:
                structure_ids[key] = audit._uuid(audit._structure_public_id(key, request))
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
