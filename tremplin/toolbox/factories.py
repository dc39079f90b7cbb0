import factory

from tremplin.structures.factories import StructureFactory

from .models import Section, ToolboxEntry  # noqa: F401


class ToolboxEntryFactory(factory.django.DjangoModelFactory):
    """A structure's own entry (pass structure=None for a built-in one)."""

    class Meta:
        model = ToolboxEntry

    structure = factory.SubFactory(StructureFactory)
    title_fr = factory.Sequence(lambda n: f"Fiche pratique {n}")
    title_en = factory.Sequence(lambda n: f"Practice sheet {n}")
    description_fr = "Description en français"
    description_en = "Description in English"
    domains = factory.LazyFunction(lambda: ["mobility"])
    section = Section.MOBILITY
    kind = "orientation"
