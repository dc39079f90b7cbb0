import factory

from tremplin.job_offers.factories import JobOfferFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory

from .models import MobilityProfile, NotRelevant, NotRelevantReason, SentOffer, Transport


class MobilityProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MobilityProfile

    person = factory.SubFactory(PersonFactory)
    home_postcode = "59100"
    home_city = "Roubaix"
    latitude = 50.6942
    longitude = 3.1746
    transport = Transport.PUBLIC_TRANSPORT
    max_travel_minutes = 45


class SentOfferFactory(factory.django.DjangoModelFactory):
    """An offer sent to a person of the offer's structure (use services.send_offer to write the timeline too)."""

    class Meta:
        model = SentOffer

    pathway = factory.SubFactory(PathwayFactory)
    offer = factory.SubFactory(JobOfferFactory, company__structure=factory.SelfAttribute("...pathway.structure"))


class NotRelevantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotRelevant

    pathway = factory.SubFactory(PathwayFactory)
    offer = factory.SubFactory(JobOfferFactory, company__structure=factory.SelfAttribute("...pathway.structure"))
    reason = NotRelevantReason.JOB
