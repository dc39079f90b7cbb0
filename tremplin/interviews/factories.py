import datetime

import factory
from django.utils import timezone

from tremplin.pathways.factories import PathwayFactory

from .models import Interview, Kind


class InterviewFactory(factory.django.DjangoModelFactory):
    """A planned individual interview in a week; visibility follows the kind unless given."""

    class Meta:
        model = Interview

    pathway = factory.SubFactory(PathwayFactory)
    kind = Kind.INDIVIDUAL
    planned_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    notes = ""
