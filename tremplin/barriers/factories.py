import factory

from tremplin.pathways.factories import PathwayFactory

from .models import Barrier, BarrierChange, BarrierDomain, BarrierStatus


class BarrierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Barrier

    pathway = factory.SubFactory(PathwayFactory)
    domain = BarrierDomain.MOBILITY
    description = "Pas de permis, pas de transport en commun tôt le matin"
    severity = 2
    status = BarrierStatus.IDENTIFIED


class BarrierChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BarrierChange

    barrier = factory.SubFactory(BarrierFactory)
    changed_on = factory.SelfAttribute("barrier.identified_on")
    from_status = ""
    to_status = BarrierStatus.IDENTIFIED
    from_severity = None
    to_severity = factory.SelfAttribute("barrier.severity")
