"""Creations, changes and deletions of agenda entries and decisions go to the access log of the person."""

from django.db.models.signals import post_delete, post_save

from tremplin.audit.services import log_change

_handlers: list = []  # signals hold weak references: keep the handlers alive


def _target(instance) -> tuple:
    """(person public id, structure pk) of the record's pathway, without a query when the pathway is loaded."""
    from tremplin.pathways.models import Pathway

    pathway = instance._state.fields_cache.get("pathway")
    if pathway is not None and "person" in pathway._state.fields_cache:
        return pathway.person.public_id, pathway.structure_id
    row = Pathway.objects.filter(pk=instance.pathway_id).values_list("person__public_id", "structure_id").first()
    return row or (None, None)


def _make(part: str):
    def saved(sender, instance, created, raw=False, **kwargs):
        if raw:
            return
        person, structure = _target(instance)
        log_change(instance, person=person, structure=structure, part=part, action="create" if created else "update")

    def deleted(sender, instance, **kwargs):
        person, structure = _target(instance)
        log_change(instance, person=person, structure=structure, part=part, action="delete")

    return saved, deleted


def connect_audit(model, part: str) -> None:
    """Logs the changes of `model` (a record with a `pathway`) as changes to that person's file, under `part`.
    Used by the workshops and handover apps too."""
    saved, deleted = _make(part)
    _handlers.extend([saved, deleted])
    post_save.connect(saved, sender=model, dispatch_uid=f"audit_saved_{part}")
    post_delete.connect(deleted, sender=model, dispatch_uid=f"audit_deleted_{part}")


def connect() -> None:
    from .models import ReviewDecision, ReviewItem

    connect_audit(ReviewItem, "review_meeting_item")
    connect_audit(ReviewDecision, "review_meeting_decision")
