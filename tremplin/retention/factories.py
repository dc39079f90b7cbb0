import datetime

import factory

from tremplin.people.factories import PersonFactory

from .models import LegalHold, RetentionRecord


class LegalHoldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalHold

    person = factory.SubFactory(PersonFactory)
    reason = "Procédure prud'homale en cours"
    placed_on = factory.LazyFunction(datetime.date.today)


class RetentionRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RetentionRecord

    person = factory.SubFactory(PersonFactory)
