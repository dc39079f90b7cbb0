"""Forgetting the history of changes of a person whose data is erased or anonymised.

The history tables keep every former value (name, address, contract reasons…), and
deleting a record writes one more row holding its last values. Erasure and
anonymisation must therefore also call `forget_history` — after deleting or
anonymising, so that the rows written by that very operation go too.
"""

from django.db import transaction

from tremplin.action_plan.models import Action, ActionPlan, Objective, PlanReview
from tremplin.barriers.models import Barrier
from tremplin.contracts.models import Contract, Suspension
from tremplin.interviews.models import Interview
from tremplin.observations.models import Observation
from tremplin.pathways.models import Pathway
from tremplin.professional_project.models import TargetJob
from tremplin.welcome.models import WelcomeStep

from .models import Person


def forget_history(person_id: int) -> int:
    """Deletes the history rows of the person (by primary key, the record may be gone already),
    of their pathways, contracts and suspensions. Returns the number of rows deleted."""
    with transaction.atomic():
        pathway_ids = list(Pathway.history.filter(person_id=person_id).values_list("id", flat=True).distinct())
        contract_ids = list(Contract.history.filter(pathway_id__in=pathway_ids).values_list("id", flat=True).distinct())
        plan_ids = list(ActionPlan.history.filter(pathway_id__in=pathway_ids).values_list("id", flat=True).distinct())
        deleted = 0
        for queryset in (
            Barrier.history.filter(pathway_id__in=pathway_ids),
            Action.history.filter(plan_id__in=plan_ids),
            Objective.history.filter(plan_id__in=plan_ids),
            PlanReview.history.filter(plan_id__in=plan_ids),
            ActionPlan.history.filter(id__in=plan_ids),
            Suspension.history.filter(contract_id__in=contract_ids),
            Observation.history.filter(pathway_id__in=pathway_ids),
            Interview.history.filter(pathway_id__in=pathway_ids),
            WelcomeStep.history.filter(pathway_id__in=pathway_ids),
            TargetJob.history.filter(pathway_id__in=pathway_ids),
            Contract.history.filter(id__in=contract_ids),
            Pathway.history.filter(id__in=pathway_ids),
            Person.history.filter(id=person_id),
        ):
            deleted += queryset.delete()[0]
    return deleted
