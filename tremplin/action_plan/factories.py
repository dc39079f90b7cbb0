import datetime

import factory
from django.utils import timezone

from tremplin.pathways.factories import PathwayFactory

from .models import Action, ActionPlan, Objective, PlanReview, Section


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    pathway = factory.SubFactory(PathwayFactory)
    follow_up_frequency = "fortnightly"


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective
        skip_postgeneration_save = True

    plan = factory.SubFactory(ActionPlanFactory)
    text = "Obtenir le permis B pour se rendre sur les chantiers"
    success_indicator = "Permis obtenu"

    @factory.post_generation
    def barriers(self, create, extracted, **kwargs):
        """`ObjectiveFactory(barriers=[a, b])` links them (the m2m_changed signal levels the objective)."""
        if create and extracted:
            self.barriers.set(extracted)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(ActionPlanFactory)
    section = Section.SKILLS
    title = "Atelier CV"
    owner_kind = "person"
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class PlanReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanReview

    plan = factory.SubFactory(ActionPlanFactory)
    reviewed_on = factory.LazyFunction(timezone.localdate)
    summary = "Point d'étape avec la personne"
