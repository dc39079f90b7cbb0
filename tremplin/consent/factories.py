import datetime

import factory

from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory

from .models import Consent, ConsentKind, HowInformed, InformationNotice, PersonInformed


class InformationNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationNotice

    structure = factory.SubFactory(StructureFactory)
    version = factory.Sequence(lambda n: f"v{n + 1}")
    text = "Notice d'information."
    published_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    is_current = True


class PersonInformedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonInformed

    person = factory.SubFactory(PersonFactory)
    notice = factory.SubFactory(InformationNoticeFactory, structure=factory.SelfAttribute("..person.structure"))
    informed_on = factory.LazyFunction(datetime.date.today)
    how = HowInformed.ORAL_AND_WRITTEN


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    kind = ConsentKind.SHARE_WITH_PRESCRIBER
    given_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10))
