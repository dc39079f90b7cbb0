import datetime

import factory

from tremplin.structures.factories import StructureFactory

from .models import Person


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    structure = factory.SubFactory(StructureFactory)
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    birth_date = factory.Faker("date_between", start_date=datetime.date(1965, 1, 1), end_date=datetime.date(2000, 1, 1))
    city = "Roubaix"
    postcode = "59100"
