"""Change hooks: creations, changes and deletions of a person's records go to the access log.

The actor is the current request's user (AuditMiddleware); outside a request
(commands, jobs) there is none and the screen names the command.
"""

from django.db.models.signals import post_delete, post_save

from .models import Action
from .services import log_change


def _cached(instance, field: str):
    """The related object if already loaded (no query), else None."""
    return instance._state.fields_cache.get(field)


def _from_pathway(pathway_id, pathway=None) -> tuple:
    """(person public id, structure pk) of a pathway, without a query when the objects are loaded."""
    from tremplin.pathways.models import Pathway

    if pathway is not None:
        person = _cached(pathway, "person")
        if person is not None:
            return person.public_id, pathway.structure_id
    row = Pathway.objects.filter(pk=pathway_id).values_list("person__public_id", "structure_id").first()
    return row or (None, None)


def _person_target(person):
    return person.public_id, person.structure_id


def _pathway_target(pathway):
    return _from_pathway(pathway.pk, pathway)


def _via_pathway(instance):
    return _from_pathway(instance.pathway_id, _cached(instance, "pathway"))


def _via_parent(field: str):
    """Target of a record that reaches its pathway through a parent (`field`): the parent if loaded, else one query."""

    def target(instance):
        parent = _cached(instance, field)
        if parent is not None:
            return _via_pathway(parent)
        parent_model = instance._meta.get_field(field).related_model
        parent_id = getattr(instance, f"{field}_id")
        pathway_id = parent_model.objects.filter(pk=parent_id).values_list("pathway_id", flat=True).first()
        return _from_pathway(pathway_id)

    return target


def _targets() -> list:
    from tremplin.action_plan.models import Action as PlanAction
    from tremplin.action_plan.models import ActionPlan, Objective, PlanReview
    from tremplin.barriers.models import Barrier, BarrierChange
    from tremplin.contracts.models import Contract, Suspension
    from tremplin.eligibility.models import CriterionProof, EligibilityDiagnosis
    from tremplin.interviews.models import Interview
    from tremplin.observations.models import AttendanceRecord, Observation
    from tremplin.pathways.models import Pathway, StatusChange
    from tremplin.people.models import Person
    from tremplin.professional_project.models import TargetJob
    from tremplin.welcome.models import WelcomeStep

    return [
        (ActionPlan, "action_plan", _via_pathway),
        (Objective, "action_plan_objective", _via_parent("plan")),
        (PlanAction, "action_plan_action", _via_parent("plan")),
        (PlanReview, "action_plan_review", _via_parent("plan")),
        (Person, "person", _person_target),
        (Pathway, "pathway", _pathway_target),
        (StatusChange, "status", _via_pathway),
        (EligibilityDiagnosis, "eligibility", _via_pathway),
        (CriterionProof, "eligibility_proof", _via_parent("diagnosis")),
        (Contract, "contract", _via_pathway),
        (Suspension, "suspension", _via_parent("contract")),
        (Barrier, "barriers", _via_pathway),
        (BarrierChange, "barriers", _via_parent("barrier")),
        (Observation, "observations", _via_pathway),
        (AttendanceRecord, "attendance", _via_pathway),
        (Interview, "interview", _via_pathway),
        (WelcomeStep, "welcome", _via_pathway),
        (TargetJob, "professional_project", _via_pathway),
    ]


def _make_handlers(part: str, target):
    def saved(sender, instance, created, raw=False, **kwargs):
        if raw:  # fixtures and restores replay data, they are not changes
            return
        person, structure = target(instance)
        log_change(
            instance, person=person, structure=structure, part=part, action=Action.CREATE if created else Action.UPDATE
        )

    def deleted(sender, instance, **kwargs):
        person, structure = target(instance)
        log_change(instance, person=person, structure=structure, part=part, action=Action.DELETE)

    return saved, deleted


_handlers: list = []  # signals hold weak references: keep the handlers alive


def connect() -> None:
    for model, part, target in _targets():
        saved, deleted = _make_handlers(part, target)
        _handlers.extend([saved, deleted])
        post_save.connect(saved, sender=model, dispatch_uid=f"audit_saved_{part}")
        post_delete.connect(deleted, sender=model, dispatch_uid=f"audit_deleted_{part}")
