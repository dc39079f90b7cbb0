"""The person's record: each message on the timeline (codes, never the text), in the subject-access export,
erased on anonymisation (the registry's guards check every field; here the messaging's own promises)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.messaging.factories import ContactPreferenceFactory, MessageFactory
from tremplin.rights.services import export_person
from tremplin.timeline.models import TimelineEvent


def test_a_message_is_on_the_timeline_with_its_purpose_channel_and_status(client, counsellor, pathway):
    message = MessageFactory(pathway=pathway, body="texte-privé", status="failed")
    event = TimelineEvent.objects.get(kind="message")
    assert event.data == {"purpose": "invitation", "channel": "sms", "status": "failed"}
    assert "texte-privé" not in str(event.data)
    message.status = "delivered"
    message.save()
    event.refresh_from_db()
    assert event.data["status"] == "delivered"
    client.force_login(counsellor)
    html = client.get(reverse("timeline:pathway", args=[pathway.public_id])).content.decode()
    assert "Message (invitation) par SMS : reçu" in html


def test_who_may_not_see_the_meeting_does_not_see_its_messages_on_the_timeline(client, member, pathway):
    MessageFactory(pathway=pathway, visibility=Visibility.SOCIAL_STAFF_ONLY)
    client.force_login(member(Role.JOB_COACH))
    html = client.get(reverse("timeline:pathway", args=[pathway.public_id])).content.decode()
    assert "Message (invitation)" not in html


def test_messages_and_preferences_are_in_the_export(pathway, person):
    MessageFactory(pathway=pathway, body="Bonjour Awa", meeting_at=timezone.now() + datetime.timedelta(days=1))
    ContactPreferenceFactory(person=person)
    exported = export_person(person)
    assert exported["messages"][0]["body"] == "Bonjour Awa"
    assert "idempotency_key" not in exported["messages"][0]
    assert exported["contact_preference"]["mobile"] == "+33612345678"
