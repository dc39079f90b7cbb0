"""An objective's level follows its barriers (decisions 0008 and 0013): adding or removing one, from either
side of the relation, re-levels the pathway."""

from __future__ import annotations

from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from tremplin.core import derived_visibility

from .models import Objective


@receiver(m2m_changed, sender=Objective.barriers.through, dispatch_uid="action_plan_objective_barriers")
def objective_barriers_changed(sender, instance, action: str, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Objective):
        derived_visibility.refresh_pathway(instance.plan.pathway_id)
        instance.refresh_from_db(fields=["visibility"])
        instance._loaded_visibility = instance.visibility
    else:  # a barrier whose objectives changed
        derived_visibility.refresh_pathway(instance.pathway_id)
