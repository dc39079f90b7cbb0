import factory
from django.utils import timezone

from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory

from .models import Participant, Theme, Workshop


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    structure = factory.SubFactory(StructureFactory)
    theme = Theme.DIGITAL
    title = "Créer son espace France Travail"
    date = factory.LazyFunction(timezone.localdate)
    place = "Salle informatique"
    facilitator_name = "Médiatrice numérique de la médiathèque"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    workshop = factory.SubFactory(WorkshopFactory)
    pathway = factory.SubFactory(PathwayFactory, person__structure=factory.SelfAttribute("...workshop.structure"))
