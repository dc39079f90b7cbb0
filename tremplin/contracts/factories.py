import datetime
from decimal import Decimal

import factory

from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status

from .models import Contract, Suspension


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    pathway = factory.SubFactory(PathwayFactory, status=Status.IN_CONTRACT)
    start_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    planned_end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=180))
    weekly_hours = Decimal("26")
    position = "Agent·e de maraîchage"


class SuspensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Suspension

    contract = factory.SubFactory(ContractFactory)
    start_date = factory.LazyAttribute(lambda o: o.contract.start_date + datetime.timedelta(days=10))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=5))
    reason = "Arrêt maladie"
