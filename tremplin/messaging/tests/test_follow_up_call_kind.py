"""The call after an exit as a kind of meeting: once its time is planned on the follow-up page the person is told
when they will be phoned, told again when the time changes, reminded once, never once the outcome is recorded."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tremplin.exits.factories import ExitFactory, FollowUpFactory
from tremplin.exits.models import FollowUp
from tremplin.messaging import reminders
from tremplin.messaging.models import MeetingKind, Message, Purpose


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 12, day, hour, minute))


@pytest.fixture
def now(time_machine):
    time_machine.move_to(at(7, 11), tick=False)


@pytest.fixture
def follow_up(pathway):
    """Due Thursday 10 December, no time yet."""
    exit_record = ExitFactory(pathway=pathway, exit_on=datetime.date(2026, 11, 10))
    return FollowUpFactory(exit=exit_record, due_on=datetime.date(2026, 12, 10))


def plan(client, follow_up, time: str, send: bool = True):
    data = {"action": "plan_call", "call-call_time": time}
    if send:
        data["call-send"] = "on"
    return client.post(reverse("exits:follow_up", args=[follow_up.public_id]), data)


def run(time_machine, moment, capture):
    time_machine.move_to(moment, tick=False)
    with capture(execute=True):
        call_command("send_due_reminders", stdout=open("/dev/null", "w"))


def test_planning_the_call_tells_the_person_when_they_will_be_phoned(
    servers, now, client, counsellor, consenting, follow_up, django_capture_on_commit_callbacks
):
    sink, brevo = servers
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        response = plan(client, follow_up, "14:30")
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.call_time == datetime.time(14, 30)
    sent = Message.objects.filter(meeting_kind=MeetingKind.FOLLOW_UP_CALL, meeting_id=follow_up.public_id)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]
    body = sent.get(channel="sms").body
    assert body.startswith("Bonjour Awa. Nous vous appellerons le") and "14:30" in body
    assert len(sink.messages) == 1 and len(brevo.received) == 1


def test_the_page_shows_the_planning_form(client, counsellor, follow_up):
    client.force_login(counsellor)
    page = client.get(reverse("exits:follow_up", args=[follow_up.public_id])).content.decode()
    assert 'name="call-call_time"' in page and "la personne n&#x27;est pas prévenue" in page


def test_no_message_when_the_box_is_unticked(
    servers, now, client, counsellor, consenting, follow_up, django_capture_on_commit_callbacks
):
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        plan(client, follow_up, "14:30", send=False)
    assert FollowUp.objects.get(pk=follow_up.pk).call_time == datetime.time(14, 30)
    assert not Message.objects.exists()


def test_changing_the_time_sends_an_update_to_the_person_told(
    servers, now, client, counsellor, consenting, follow_up, django_capture_on_commit_callbacks
):
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        plan(client, follow_up, "14:30")
        plan(client, follow_up, "16:00", send=False)
    updates = Message.objects.filter(purpose=Purpose.UPDATE, meeting_kind=MeetingKind.FOLLOW_UP_CALL)
    assert sorted(updates.values_list("channel", flat=True)) == ["email", "sms"]
    assert "16:00" in updates.get(channel="sms").body


def test_a_recorded_follow_up_cannot_be_planned(client, counsellor, follow_up):
    FollowUp.objects.filter(pk=follow_up.pk).update(outcome="still_in_job", contacted_on=datetime.date(2026, 12, 1))
    client.force_login(counsellor)
    assert plan(client, follow_up, "14:30").status_code == 404


def test_the_reminder_is_selected_once(
    servers, consenting, follow_up, time_machine, django_capture_on_commit_callbacks
):
    FollowUp.objects.filter(pk=follow_up.pk).update(call_time=datetime.time(14, 30))
    run(time_machine, at(8, 14, 35), django_capture_on_commit_callbacks)
    run(time_machine, at(8, 14, 50), django_capture_on_commit_callbacks)
    sent = Message.objects.filter(purpose=Purpose.REMINDER, meeting_kind=MeetingKind.FOLLOW_UP_CALL)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]
    assert "nous vous appellerons" in sent.get(channel="sms").body


def test_no_reminder_without_a_time_or_once_the_outcome_is_recorded(consenting, follow_up, time_machine):
    time_machine.move_to(at(8, 14, 35), tick=False)
    assert reminders.due() == []
    FollowUp.objects.filter(pk=follow_up.pk).update(call_time=datetime.time(14, 30))
    assert [item.meeting.kind for item in reminders.due()] == [MeetingKind.FOLLOW_UP_CALL]
    FollowUp.objects.filter(pk=follow_up.pk).update(outcome="still_in_job", contacted_on=datetime.date(2026, 12, 8))
    assert reminders.due() == []
