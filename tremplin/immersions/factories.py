import datetime

import factory
from django.utils import timezone

from tremplin.pathways.factories import PathwayFactory

from .models import Conclusion, GridSource, Immersion, ImmersionEvaluation, Objective


class ImmersionFactory(factory.django.DjangoModelFactory):
    """A two-week immersion that started a week ago."""

    class Meta:
        model = Immersion

    pathway = factory.SubFactory(PathwayFactory)
    host_name = factory.Sequence(lambda n: f"Entreprise d'accueil {n}")
    job_title = "Agent·e d'entretien des espaces verts"
    job_code = "A1203"
    tutor_name = "Paul Lefebvre"
    tutor_role = "Chef d'équipe"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=13))
    objective = Objective.CONFIRM_PROJECT


class ImmersionEvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImmersionEvaluation

    immersion = factory.SubFactory(ImmersionFactory)
    evaluated_on = factory.LazyFunction(timezone.localdate)
    grid_source = GridSource.BUILT_IN
    scores = factory.LazyFunction(
        lambda: [{"key": "punctuality", "label": "Ponctualité et assiduité", "person": 3, "tutor": 4, "counsellor": 4}]
    )
    conclusion = Conclusion.PROJECT_CONFIRMED
