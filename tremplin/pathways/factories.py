import factory

from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory

from .models import Pathway, Status, StatusChange


class PathwayFactory(factory.django.DjangoModelFactory):
    """A pathway whose person and programme belong to the same structure."""

    class Meta:
        model = Pathway

    person = factory.SubFactory(PersonFactory)
    structure = factory.SelfAttribute("person.structure")
    programme = factory.SubFactory(ProgrammeFactory, structure=factory.SelfAttribute("..person.structure"))
    status = Status.CANDIDATE


class StatusChangeFactory(factory.django.DjangoModelFactory):
    """A pathway's first status, as opening it records."""

    class Meta:
        model = StatusChange

    pathway = factory.SubFactory(PathwayFactory)
    from_status = ""
    to_status = Status.CANDIDATE
