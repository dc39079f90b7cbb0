"""What the staff member sees in the notification centre when a person declines or a message fails."""

import json

import pytest
from django.urls import reverse

from tremplin.messaging import services
from tremplin.messaging.factories import MessageFactory
from tremplin.messaging.meetings import of_interview
from tremplin.notifications.models import Kind, Notification


@pytest.fixture
def invitation(consenting, interview, counsellor, settings):
    settings.TREMPLIN_SMS_BACKEND = "console"
    return services.invite(of_interview(interview), by=counsellor, channels=["sms"], site_url="http://t.test")[0]


def test_a_decline_notifies_who_leads_the_meeting_once_with_a_link_to_it(client, invitation, interview, counsellor):
    link = reverse("messaging:decline", args=[services.decline_token(invitation)])
    client.post(link)
    client.post(link)
    notification = Notification.objects.get(recipient=counsellor, kind=Kind.MEETING_DECLINED)
    person = interview.pathway.person
    assert person.first_name in notification.title and "ne pourra pas venir" in notification.title
    assert notification.url == reverse("interviews:edit", args=[interview.public_id])

    client.force_login(counsellor)
    response = client.post(reverse("notifications:open", args=[notification.public_id]))
    assert response.status_code == 302 and response.url == notification.url


def test_a_bounced_message_notifies_its_sender(client, pathway, counsellor, settings):
    settings.TREMPLIN_WEBHOOK_TOKEN = "hook-secret"
    message = MessageFactory(pathway=pathway, provider_id="901", sent_by=counsellor)
    payload = {"messageId": 901, "msg_status": "hard_bounce", "description": "unknown number"}
    client.post(
        reverse("messaging:brevo_webhook") + "?token=hook-secret", json.dumps(payload), content_type="application/json"
    )
    notification = Notification.objects.get(recipient=counsellor, kind=Kind.MESSAGE_FAILED)
    assert "n'a pas pu être remis" in notification.title
    assert notification.url == reverse("messaging:person", args=[message.person.public_id])
