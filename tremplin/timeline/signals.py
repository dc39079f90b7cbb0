"""Writes the timeline as its sources are saved (the events' codes go with the person's identity: see
personal_data.py)."""

from django.db.models.signals import post_save

from .builders import source_key, sources
from .models import EventKind, TimelineEvent

UPDATED_FIELDS = ("occurred_at", "kind", "data", "visibility", "pathway_id", "person_id", "structure_id")


def sync_events(source, builder, *, created: bool = False) -> None:
    """Makes the source's events what the builder says now: created, updated, or removed.
    A new source has no event yet: one insert, no lookup."""
    wanted = {event.variant: event for event in builder(source)}
    if created:
        for event in wanted.values():
            event.save()
        return
    existing = TimelineEvent.objects.filter(source_type=source._meta.label_lower, source_id=source_key(source))
    for event in existing:
        fresh = wanted.pop(event.variant, None)
        if fresh is None:
            event.delete()
            continue
        if fresh.kind == EventKind.ACTION_DONE:
            fresh.occurred_at = event.occurred_at  # done once: saving the action again does not move it
        if any(getattr(event, field) != getattr(fresh, field) for field in UPDATED_FIELDS):
            for field in UPDATED_FIELDS:
                setattr(event, field, getattr(fresh, field))
            event.save(update_fields=[f.removesuffix("_id") for f in UPDATED_FIELDS])
    for event in wanted.values():
        event.save()


def _connect() -> None:
    """Keeps the events of every declared timeline source in sync with its records."""
    for model, builder, _related in sources():

        def on_save(sender, instance, created=False, raw=False, _builder=builder, **kwargs) -> None:
            if raw:  # fixtures: rebuild_timeline does it afterwards
                return
            sync_events(instance, _builder, created=created)

        post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"timeline_{model._meta.label_lower}")


_connect()
