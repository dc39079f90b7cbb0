"""Sending through the real protocols: SMTP to a local aiosmtpd server, HTTP to a local fake of Brevo's API.
Idempotency, retries with backoff, failures shown to the staff, the gates (consent, opt-out, cap, quiet hours)."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from tremplin.consent.models import Consent, ConsentKind
from tremplin.messaging import services
from tremplin.messaging.factories import MessagingSettingsFactory
from tremplin.messaging.meetings import of_interview
from tremplin.messaging.models import Message, Purpose, Status
from tremplin.messaging.signals import message_failed


@pytest.fixture
def failures():
    received = []

    def receiver(sender, message, staff_user, **kwargs):
        received.append((message.pk, staff_user))

    message_failed.connect(receiver, weak=False, dispatch_uid="test-failures")
    yield received
    message_failed.disconnect(dispatch_uid="test-failures")


@pytest.fixture
def daytime(time_machine):
    """A Tuesday at 11:00, outside the quiet hours."""
    moment = timezone.make_aware(datetime.datetime(2026, 12, 8, 11, 0))
    time_machine.move_to(moment, tick=False)
    return moment


def invite(interview, counsellor, channels=("sms", "email"), **kwargs):
    return services.invite(
        of_interview(interview), by=counsellor, channels=list(channels), site_url="http://t.test", **kwargs
    )


def test_an_invitation_goes_by_sms_and_email_once(
    servers, consenting, interview, counsellor, daytime, django_capture_on_commit_callbacks
):
    sink, brevo = servers
    with django_capture_on_commit_callbacks(execute=True):
        created = invite(interview, counsellor, bring="pièce d'identité")
    assert {m.channel for m in created} == {"sms", "email"}
    assert [body["recipient"] for body in brevo.received] == ["33612345678"]
    sms = brevo.received[0]["content"]
    assert "Awa" in sms and "10:00" in sms and "http://t.test/messages/r/" in sms and "pièce d'identité" in sms
    assert len(sink.messages) == 1
    mail = sink.messages[0]
    assert mail["To"] == "awa@example.org"
    parts = {part.get_content_type(): part for part in mail.walk()}
    assert "text/calendar" in parts
    assert b"BEGIN:VEVENT" in parts["text/calendar"].get_payload(decode=True)
    assert set(Message.objects.values_list("status", flat=True)) == {Status.SENT}
    sms_message = Message.objects.get(channel="sms")
    assert sms_message.provider_id == str(brevo.next_id) and sms_message.attempts == 1

    with django_capture_on_commit_callbacks(execute=True):
        again = invite(interview, counsellor)
    assert again == []
    assert len(brevo.received) == 1 and len(sink.messages) == 1


def test_delivering_twice_sends_once(servers, consenting, interview, counsellor, daytime):
    _sink, brevo = servers
    message = invite(interview, counsellor, channels=("sms",))[0]
    assert services.deliver(message.pk).status == Status.SENT
    assert services.deliver(message.pk).status == "skipped"
    assert len(brevo.received) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_send_the_same_message_once(settings, smtp, brevo, structure, counsellor, daytime):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    from tremplin.messaging.tests.servers import use_servers

    use_servers(settings, smtp[0], brevo)
    from tremplin.consent.factories import ConsentFactory
    from tremplin.messaging.factories import ContactPreferenceFactory, MessageFactory
    from tremplin.pathways.factories import PathwayFactory
    from tremplin.people.factories import PersonFactory

    person = PersonFactory(structure=structure, email="a@example.org")
    ConsentFactory(person=person, kind=ConsentKind.CONTACT)
    ContactPreferenceFactory(person=person)
    message = MessageFactory(pathway=PathwayFactory(person=person), status=Status.QUEUED, purpose=Purpose.INVITATION)
    barrier = threading.Barrier(2)
    outcomes = []

    def worker():
        try:
            barrier.wait()
            outcomes.append(services.deliver(message.pk).status)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["sent", "skipped"]
    assert len(brevo.received) == 1


def test_throttling_is_retried_then_sent(
    servers, consenting, interview, counsellor, daytime, django_capture_on_commit_callbacks
):
    _sink, brevo = servers
    brevo.throttle(times=2)
    with django_capture_on_commit_callbacks(execute=True):
        invite(interview, counsellor, channels=("sms",))
    message = Message.objects.get()
    assert message.status == Status.SENT
    assert message.attempts == 3
    assert len(brevo.received) == 1


def test_an_unreachable_provider_fails_after_the_retries_and_staff_are_told(
    servers, consenting, interview, counsellor, daytime, failures, django_capture_on_commit_callbacks
):
    _sink, brevo = servers
    brevo.fail(503, "service_unavailable", "Try later", times=10)
    with django_capture_on_commit_callbacks(execute=True):
        invite(interview, counsellor, channels=("sms",))
    message = Message.objects.get()
    assert message.status == Status.FAILED
    assert "503" in message.reason
    assert message.attempts == 5
    assert failures == [(message.pk, counsellor)]


def test_a_provider_that_does_not_answer_at_all_is_retried(settings, consenting, interview, counsellor, daytime):
    settings.TREMPLIN_SMS_BACKEND = "brevo"
    settings.TREMPLIN_BREVO_API_URL = "http://127.0.0.1:9/v3/transactionalSMS/send"  # nothing listens there
    message = invite(interview, counsellor, channels=("sms",))[0]
    outcome = services.deliver(message.pk)
    assert outcome.retry
    message.refresh_from_db()
    assert message.status == Status.QUEUED and "unreachable" in message.reason


def test_an_invalid_number_fails_at_once_without_retry(
    servers, consenting, interview, counsellor, daytime, failures, django_capture_on_commit_callbacks
):
    _sink, brevo = servers
    consenting.contact_preference.mobile = "+33abc"
    consenting.contact_preference.save()
    with django_capture_on_commit_callbacks(execute=True):
        invite(interview, counsellor, channels=("sms",))
    message = Message.objects.get()
    assert message.status == Status.FAILED
    assert message.attempts == 1
    assert "invalid_parameter" in message.reason
    assert failures == [(message.pk, counsellor)]


def test_no_credit_left_fails_with_the_providers_reason(servers, consenting, interview, counsellor, daytime):
    _sink, brevo = servers
    brevo.fail(402, "not_enough_credits", "Not enough credits")
    message = invite(interview, counsellor, channels=("sms",))[0]
    assert services.deliver(message.pk).status == Status.FAILED
    message.refresh_from_db()
    assert "not_enough_credits" in message.reason


def test_an_email_bounce_fails_and_staff_are_told(
    servers, consenting, interview, counsellor, daytime, failures, django_capture_on_commit_callbacks
):
    sink, _brevo = servers
    sink.bounce.add("awa@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invite(interview, counsellor, channels=("email",))
    message = Message.objects.get()
    assert message.status == Status.FAILED
    assert "550" in message.reason
    assert failures == [(message.pk, counsellor)]
    assert sink.messages == []


def test_nothing_goes_after_the_consent_is_withdrawn(servers, consenting, interview, counsellor, daytime, failures):
    _sink, brevo = servers
    message = invite(interview, counsellor, channels=("sms",))[0]
    Consent.objects.filter(person=consenting).update(withdrawn_on=timezone.localdate())
    assert services.deliver(message.pk).status == Status.FAILED
    assert brevo.received == []
    message.refresh_from_db()
    assert "Consentement" in message.reason


def test_an_opted_out_channel_is_not_used(servers, consenting, interview, counsellor, daytime):
    _sink, brevo = servers
    message = invite(interview, counsellor, channels=("sms",))[0]
    consenting.contact_preference.sms_opt_out = True
    consenting.contact_preference.save()
    consenting.refresh_from_db()
    assert services.deliver(message.pk).status == Status.FAILED
    assert brevo.received == []


def test_over_the_daily_cap_the_message_waits_and_says_why(
    servers, structure, consenting, interview, counsellor, daytime
):
    _sink, brevo = servers
    MessagingSettingsFactory(structure=structure, daily_cap=1)
    first, second = invite(interview, counsellor)
    assert services.deliver(first.pk).status == Status.SENT
    assert services.deliver(second.pk).status == "capped"
    second.refresh_from_db()
    assert second.status == Status.QUEUED
    assert "Limite de 1 messages par jour" in second.reason


def test_in_the_quiet_hours_a_message_waits_for_the_morning(servers, consenting, interview, counsellor, time_machine):
    _sink, brevo = servers
    evening = timezone.make_aware(datetime.datetime(2026, 12, 8, 21, 30))
    time_machine.move_to(evening, tick=False)
    message = invite(interview, counsellor, channels=("sms",))[0]
    assert services.deliver(message.pk).status == "waiting"
    message.refresh_from_db()
    assert timezone.localtime(message.not_before) == timezone.make_aware(datetime.datetime(2026, 12, 9, 8, 0))
    assert brevo.received == []
    time_machine.move_to(timezone.make_aware(datetime.datetime(2026, 12, 9, 8, 5)), tick=False)
    assert services.dispatch_waiting() == 1
    message.refresh_from_db()
    assert message.status == Status.SENT


def test_a_message_is_in_the_persons_language(servers, consenting, interview, counsellor, daytime):
    consenting.preferred_language = "it"
    consenting.save()
    message = invite(interview, counsellor, channels=("sms",))[0]
    assert message.language == "it"
    assert message.body.startswith("Buongiorno Awa.")
    assert "martedì" in message.body or "alle 10:00" in message.body


def test_arabic_falls_back_to_french(servers, consenting, interview, counsellor, daytime):
    consenting.preferred_language = "ar"
    consenting.save()
    message = invite(interview, counsellor, channels=("sms",))[0]
    assert message.language == "fr" and message.body.startswith("Bonjour Awa.")


def test_the_purpose_is_in_the_idempotency_key(servers, consenting, interview, counsellor, daytime):
    message = invite(interview, counsellor, channels=("email",))[0]
    assert message.idempotency_key.startswith(f"{Purpose.INVITATION}:interview:{interview.public_id.hex}:")
    assert message.idempotency_key.endswith(":email")
