import factory

from tremplin.accounts.factories import UserFactory
from tremplin.structures.factories import StructureFactory

from .models import DigestSubscription, Kind, Notification


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    structure = factory.SubFactory(StructureFactory)
    kind = Kind.OBSERVATION_FLAGGED
    title = factory.Sequence(lambda n: f"Personne {n} : une observation de chantier vous est signalée.")
    url = "/observations/a-lire/"


class DigestSubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigestSubscription

    user = factory.SubFactory(UserFactory)
    daily = True
