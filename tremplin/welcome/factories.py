import factory

from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory

from .models import Doer, WelcomeStep, WelcomeStepTemplate


class WelcomeStepTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WelcomeStepTemplate

    structure = factory.SubFactory(StructureFactory)
    title = factory.Sequence(lambda n: f"Étape d'accueil {n}")
    order = factory.Sequence(lambda n: (n + 1) * 10)
    due_in_days = 0
    doer = Doer.COUNSELLOR


class WelcomeStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WelcomeStep

    pathway = factory.SubFactory(PathwayFactory)
    title = factory.Sequence(lambda n: f"Étape {n}")
    order = factory.Sequence(lambda n: (n + 1) * 10)
    due_in_days = 0
    doer = Doer.COUNSELLOR
