import datetime

import factory

from tremplin.people.factories import PersonFactory

from .models import Channel, ErasureRequest


class ErasureRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ErasureRequest

    person = factory.SubFactory(PersonFactory)
    structure = factory.SelfAttribute("person.structure")
    received_on = factory.LazyFunction(datetime.date.today)
    channel = Channel.LETTER
    note = "Souhaite l'effacement de son dossier."
