import factory
from django.utils import timezone

from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory

from .models import MeetingKind, ReviewDecision, ReviewItem, ReviewMeeting, ReviewReason


class ReviewMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewMeeting
        skip_postgeneration_save = True

    structure = factory.SubFactory(StructureFactory)
    kind = MeetingKind.SYNTHESIS
    date = factory.LazyFunction(timezone.localdate)
    place = "Salle de réunion"

    @factory.post_generation
    def participants(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.participants.set(extracted)


class ReviewItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewItem

    meeting = factory.SubFactory(ReviewMeetingFactory)
    pathway = factory.SubFactory(PathwayFactory, person__structure=factory.SelfAttribute("...meeting.structure"))
    reason = ReviewReason.CHOSEN


class ReviewDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewDecision

    item = factory.SubFactory(ReviewItemFactory)
    pathway = factory.SelfAttribute("item.pathway")
    text = "Prolonger le contrat de quatre mois pour finir la formation"
