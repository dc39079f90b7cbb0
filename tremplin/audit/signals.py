"""Change hooks: creations, changes and deletions of a person's records go to the access log.

Which records, under which part, and how each reaches its person: the personal-data registry
(`tremplin/<app>/personal_data.py`, decision 0010); a declaration with a `part` is logged.
The actor is the current request's user (AuditMiddleware); outside a request
(commands, jobs) there is none and the screen names the command.
"""

from django.db.models.signals import post_delete, post_save

from tremplin.core import personal_data

from .models import Action
from .services import log_change


def _make_handlers(declaration: personal_data.PersonalData):
    part = declaration.part

    def saved(sender, instance, created, raw=False, **kwargs):
        if raw:  # fixtures and restores replay data, they are not changes
            return
        person, structure = personal_data.owner_of(declaration, instance)
        log_change(
            instance, person=person, structure=structure, part=part, action=Action.CREATE if created else Action.UPDATE
        )

    def deleted(sender, instance, **kwargs):
        person, structure = personal_data.owner_of(declaration, instance)
        log_change(instance, person=person, structure=structure, part=part, action=Action.DELETE)

    return saved, deleted


_handlers: list = []  # signals hold weak references: keep the handlers alive


def connect() -> None:
    for declaration in personal_data.personal():
        if not declaration.part:
            continue
        model = declaration.model_class
        saved, deleted = _make_handlers(declaration)
        _handlers.extend([saved, deleted])
        uid = model._meta.label_lower
        post_save.connect(saved, sender=model, dispatch_uid=f"audit_saved_{uid}")
        post_delete.connect(deleted, sender=model, dispatch_uid=f"audit_deleted_{uid}")
