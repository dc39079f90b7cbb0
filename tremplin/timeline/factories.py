import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tremplin.core.visibility import Visibility
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Pathway

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
    source_type = factory.LazyFunction(lambda: ContentType.objects.get_for_model(Pathway))
    source_id = factory.Sequence(lambda n: f"event-{n}")
