import factory

from tremplin.structures.factories import StructureFactory

from .models import Programme
from .rules import ProgrammeKind


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    structure = factory.SubFactory(StructureFactory)
    kind = ProgrammeKind.FR_ACI
    name = factory.Sequence(lambda n: f"Dispositif {n}")
