import factory
from django.utils import timezone

from tremplin.core.visibility import Visibility
from tremplin.pathways.factories import PathwayFactory

from .models import EventKind, TimelineEvent


class TimelineEventFactory(factory.django.DjangoModelFactory):
    """An event written directly (the view and benchmarks need no source record)."""

    class Meta:
        model = TimelineEvent

    pathway = factory.SubFactory(PathwayFactory)
    person = factory.SelfAttribute("pathway.person")
    structure = factory.SelfAttribute("pathway.structure")
    occurred_at = factory.LazyFunction(timezone.now)
    kind = EventKind.OBSERVATION
    data = factory.LazyFunction(lambda: {"category": "skills"})
    visibility = Visibility.WHOLE_TEAM
    source_type = "pathways.pathway"
    source_id = factory.Sequence(lambda n: f"event-{n}")
