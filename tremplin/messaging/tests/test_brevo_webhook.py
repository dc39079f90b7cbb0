"""Brevo's delivery reports (messaging:brevo_webhook): secret token, POST only, status updated."""

import json

import pytest
from django.urls import reverse

from tremplin.messaging.factories import MessageFactory
from tremplin.messaging.models import Status
from tremplin.messaging.signals import message_failed

URL = reverse("messaging:brevo_webhook")


@pytest.fixture(autouse=True)
def token(settings):
    settings.TREMPLIN_WEBHOOK_TOKEN = "hook-secret"


def event(message_id, status, **extra):
    return {
        "id": 26570,
        "to": "33612345678",
        "sms_count": 1,
        "credits_used": 1.5,
        "messageId": message_id,
        "remaining_credit": 11488.8,
        "msg_status": status,
        "date": "2026-12-08 10:00:00",
        "type": "transactional",
        "reference": "ab1cde2fgh3i4jklmno",
        **extra,
    }


def post(client, payload, token="hook-secret"):
    return client.post(f"{URL}?token={token}", json.dumps(payload), content_type="application/json")


def test_delivered_is_recorded(client, pathway):
    message = MessageFactory(pathway=pathway, provider_id="123")
    assert post(client, event(123, "delivered")).json() == {"updated": 1}
    message.refresh_from_db()
    assert message.status == Status.DELIVERED and message.delivered_at is not None


def test_a_hard_bounce_fails_the_message_and_tells_the_sender(client, pathway, counsellor):
    told = []
    message_failed.connect(
        lambda sender, message, staff_user, **kw: told.append(message.pk), weak=False, dispatch_uid="t"
    )
    try:
        message = MessageFactory(pathway=pathway, provider_id="124", sent_by=counsellor)
        post(client, event(124, "hard_bounce", description="unknown number"))
    finally:
        message_failed.disconnect(dispatch_uid="t")
    message.refresh_from_db()
    assert message.status == Status.FAILED and "hard_bounce" in message.reason
    assert told == [message.pk]


def test_a_late_sent_event_does_not_undo_delivered(client, pathway):
    message = MessageFactory(pathway=pathway, provider_id="125", status=Status.DELIVERED)
    post(client, event(125, "sent"))
    message.refresh_from_db()
    assert message.status == Status.DELIVERED


def test_a_wrong_or_missing_token_is_refused(client, pathway):
    MessageFactory(pathway=pathway, provider_id="126")
    assert post(client, event(126, "delivered"), token="nope").status_code == 403
    assert client.post(URL, "{}", content_type="application/json").status_code == 403


def test_the_token_may_come_in_a_header(client, pathway):
    MessageFactory(pathway=pathway, provider_id="127")
    response = client.post(
        URL,
        json.dumps(event(127, "delivered")),
        content_type="application/json",
        headers={"X-Tremplin-Token": "hook-secret"},
    )
    assert response.json() == {"updated": 1}


def test_malformed_json_is_a_400(client, db):
    assert client.post(f"{URL}?token=hook-secret", "{not json", content_type="application/json").status_code == 400


def test_get_is_not_allowed(client, db):
    assert client.get(URL).status_code == 405
