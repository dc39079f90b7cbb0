import factory

from tremplin.accounts.factories import UserFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory

from .models import Handover, HandoverItem, HandoverKind


class HandoverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handover

    structure = factory.SubFactory(StructureFactory)
    kind = HandoverKind.REFERENT
    to_referent = factory.SubFactory(UserFactory)
    note = "Départ en congé maternité : suivi repris jusqu'au retour."


class HandoverItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HandoverItem

    handover = factory.SubFactory(HandoverFactory)
    pathway = factory.SubFactory(PathwayFactory, person__structure=factory.SelfAttribute("...handover.structure"))
