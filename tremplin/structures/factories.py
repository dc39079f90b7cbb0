import factory

from .models import Structure, StructureKind, Worksite


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Structure {n}")
    kind = StructureKind.ACI
    city = "Lille"
    postcode = "59000"


class WorksiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Worksite

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Chantier {n}")
    activity = "Maraîchage"
    capacity = 12
