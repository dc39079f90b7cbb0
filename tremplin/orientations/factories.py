import datetime

import factory
from django.utils import timezone

from tremplin.partners.factories import PartnerServiceFactory
from tremplin.pathways.factories import PathwayFactory

from .models import Orientation, OrientationSettings, OrientationStatus, OrientationStep, Share, SharedItem


class OrientationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Orientation

    pathway = factory.SubFactory(PathwayFactory)
    service = factory.SubFactory(
        PartnerServiceFactory, organisation__structure=factory.SelfAttribute("...pathway.structure")
    )
    organisation = factory.SelfAttribute("service.organisation")
    reason = "Recherche d'un logement stable"
    shared_items = factory.LazyFunction(lambda: [SharedItem.STATUS, SharedItem.OBJECTIVES])
    status = OrientationStatus.PROPOSED
    status_changed_on = factory.LazyFunction(timezone.localdate)


class OrientationStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrientationStep

    orientation = factory.SubFactory(OrientationFactory)
    from_status = ""
    to_status = OrientationStatus.PROPOSED
    on = factory.LazyFunction(timezone.localdate)


class ShareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Share

    pathway = factory.SubFactory(PathwayFactory)
    organisation = factory.SubFactory(
        "tremplin.partners.factories.PartnerOrganisationFactory", structure=factory.SelfAttribute("..pathway.structure")
    )
    items = factory.LazyFunction(lambda: [SharedItem.STATUS])
    started_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))


class OrientationSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrientationSettings

    structure = factory.SubFactory("tremplin.structures.factories.StructureFactory")
    no_news_days = 15
