import datetime

import factory

from tremplin.structures.factories import StructureFactory

from .models import Report


class ReportFactory(factory.django.DjangoModelFactory):
    """Last year's report of a structure, all programmes, computed on the 15th of January."""

    class Meta:
        model = Report

    structure = factory.SubFactory(StructureFactory)
    start = factory.LazyFunction(lambda: datetime.date(datetime.date.today().year - 1, 1, 1))
    end = factory.LazyAttribute(lambda o: datetime.date(o.start.year, 12, 31))
    computed_on = factory.LazyAttribute(lambda o: datetime.date(o.start.year + 1, 1, 15))
