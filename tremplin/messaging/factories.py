import datetime

import factory
from django.utils import timezone

from tremplin.core.visibility import Visibility
from tremplin.pathways.factories import PathwayFactory

from .models import Channel, ContactPreference, Message, MessageTemplate, MessagingSettings, Purpose, Status


class MessageFactory(factory.django.DjangoModelFactory):
    """An invitation by SMS already sent, for a meeting in a week."""

    class Meta:
        model = Message

    pathway = factory.SubFactory(PathwayFactory)
    person = factory.LazyAttribute(lambda o: o.pathway.person)
    structure = factory.LazyAttribute(lambda o: o.pathway.structure)
    meeting_kind = "interview"
    meeting_id = factory.Faker("uuid4", cast_to=None)
    meeting_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    channel = Channel.SMS
    purpose = Purpose.INVITATION
    body = "Bonjour. Vous avez un rendez-vous."
    recipient = "+33612345678"
    status = Status.SENT
    idempotency_key = factory.Sequence(lambda n: f"test:{n}")
    visibility = Visibility.WHOLE_TEAM


class ContactPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPreference

    person = factory.SubFactory("tremplin.people.factories.PersonFactory")
    mobile = "+33612345678"


class MessagingSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MessagingSettings
        django_get_or_create = ("structure",)

    structure = factory.SubFactory("tremplin.structures.factories.StructureFactory")


class MessageTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MessageTemplate

    structure = factory.SubFactory("tremplin.structures.factories.StructureFactory")
    meeting_kind = "interview"
    purpose = Purpose.INVITATION
    language = "fr"
    body = "Rendez-vous le {date} à {time}. {link}"
