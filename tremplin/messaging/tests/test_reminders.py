"""`send_due_reminders`: the reminders whose time has come, once each, never at night, never to whoever opted out or
withdrew consent, never for a meeting held or moved (a moved meeting gets its own reminder)."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from tremplin.consent.models import Consent
from tremplin.interviews.factories import InterviewFactory
from tremplin.messaging import reminders
from tremplin.messaging.factories import MessagingSettingsFactory
from tremplin.messaging.models import Message, Purpose, Status


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 12, day, hour, minute))


@pytest.fixture
def meeting(pathway, counsellor, consenting):
    """Thursday 10 December at 10:00; default settings: 48 hours before, and the morning before at 08:00."""
    return InterviewFactory(pathway=pathway, planned_at=at(10, 10), led_by=counsellor, visibility="whole_team")


def run(time_machine, moment, capture):
    time_machine.move_to(moment, tick=False)
    with capture(execute=True):
        call_command("send_due_reminders", stdout=open("/dev/null", "w"))


def test_the_reminder_goes_once_even_if_the_job_runs_twice(
    servers, meeting, time_machine, django_capture_on_commit_callbacks
):
    sink, brevo = servers
    run(time_machine, at(8, 10, 5), django_capture_on_commit_callbacks)
    run(time_machine, at(8, 10, 20), django_capture_on_commit_callbacks)
    reminders_sent = Message.objects.filter(purpose=Purpose.REMINDER)
    assert sorted(reminders_sent.values_list("channel", flat=True)) == ["email", "sms"]
    assert set(reminders_sent.values_list("status", flat=True)) == {Status.SENT}
    assert len(brevo.received) == 1 and len(sink.messages) == 1
    assert "Rappel" in brevo.received[0]["content"]


def test_the_morning_before_has_its_own_reminder(servers, meeting, time_machine, django_capture_on_commit_callbacks):
    run(time_machine, at(8, 10, 5), django_capture_on_commit_callbacks)
    run(time_machine, at(9, 8, 0), django_capture_on_commit_callbacks)
    run(time_machine, at(9, 8, 15), django_capture_on_commit_callbacks)
    keys = sorted(Message.objects.filter(channel="sms").values_list("idempotency_key", flat=True))
    assert len(keys) == 2 and any(":h48:" in key for key in keys) and any(":morning:" in key for key in keys)


def test_nothing_is_due_before_its_time_nor_long_after(
    servers, meeting, time_machine, django_capture_on_commit_callbacks
):
    run(time_machine, at(8, 9, 55), django_capture_on_commit_callbacks)
    assert not Message.objects.exists()
    time_machine.move_to(at(8, 13, 0), tick=False)  # 3 hours after its moment: the grace has passed
    assert reminders.due() == []


def test_a_meeting_moved_after_the_reminder_gets_a_new_one(
    servers, meeting, time_machine, django_capture_on_commit_callbacks
):
    _sink, brevo = servers
    run(time_machine, at(8, 10, 5), django_capture_on_commit_callbacks)
    meeting.planned_at = at(10, 11)
    meeting.save()
    run(time_machine, at(8, 11, 5), django_capture_on_commit_callbacks)
    sms = Message.objects.filter(purpose=Purpose.REMINDER, channel="sms").order_by("created_at")
    assert sms.count() == 2
    assert "11:00" in sms.last().body
    assert len(brevo.received) == 2


def test_a_reminder_queued_for_the_old_time_is_dropped_when_the_meeting_moves(
    servers, meeting, time_machine, django_capture_on_commit_callbacks
):
    _sink, brevo = servers
    time_machine.move_to(at(8, 10, 5), tick=False)
    items = reminders.due()
    from tremplin.messaging import services

    queued = services.queue_for_meeting(items[0].meeting, Purpose.REMINDER, ["sms"], extra_key=items[0].offset)
    meeting.planned_at = at(10, 15)
    meeting.save()
    assert services.deliver(queued[0].pk).status == Status.FAILED
    queued[0].refresh_from_db()
    assert "déplacé" in queued[0].reason
    assert brevo.received == []


def test_a_held_meeting_gets_no_reminder(servers, meeting, time_machine, django_capture_on_commit_callbacks):
    meeting.held_on = datetime.date(2026, 12, 7)
    meeting.attendance = "present"
    meeting.save()
    run(time_machine, at(8, 10, 5), django_capture_on_commit_callbacks)
    assert not Message.objects.exists()


def test_at_night_the_reminder_waits_for_the_morning(
    servers, structure, pathway, counsellor, consenting, time_machine, django_capture_on_commit_callbacks
):
    _sink, brevo = servers
    InterviewFactory(pathway=pathway, planned_at=at(10, 22), led_by=counsellor)  # 48 h before: 22:00 on the 8th
    run(time_machine, at(8, 22, 5), django_capture_on_commit_callbacks)
    assert Message.objects.filter(status=Status.QUEUED).count() == 2
    assert brevo.received == []
    run(time_machine, at(9, 8, 0), django_capture_on_commit_callbacks)
    assert len(brevo.received) == 2  # the one that waited, and the morning before's own
    assert Message.objects.filter(status=Status.SENT).count() == 4


def test_nobody_who_opted_out_or_withdrew_consent_is_reminded(
    servers, meeting, consenting, time_machine, django_capture_on_commit_callbacks
):
    consenting.contact_preference.sms_opt_out = True
    consenting.contact_preference.save()
    run(time_machine, at(8, 10, 5), django_capture_on_commit_callbacks)
    assert list(Message.objects.values_list("channel", flat=True)) == ["email"]
    Consent.objects.filter(person=consenting).update(withdrawn_on=datetime.date(2026, 12, 8))
    run(time_machine, at(9, 8, 0), django_capture_on_commit_callbacks)
    assert Message.objects.count() == 1


def test_the_structures_offsets_apply(servers, structure, meeting, time_machine, django_capture_on_commit_callbacks):
    MessagingSettingsFactory(structure=structure, reminder_hours_before=24, reminder_morning_before=False)
    run(time_machine, at(8, 10, 5), django_capture_on_commit_callbacks)
    assert not Message.objects.exists()
    run(time_machine, at(9, 10, 5), django_capture_on_commit_callbacks)
    assert all(":h24:" in key for key in Message.objects.values_list("idempotency_key", flat=True))
    assert Message.objects.count() == 2


def test_the_selection_takes_a_fixed_number_of_queries(
    structure, pathway, counsellor, consenting, time_machine, django_assert_num_queries
):
    from tremplin.pathways.factories import PathwayFactory
    from tremplin.people.factories import PersonFactory

    for _ in range(5):
        InterviewFactory(pathway=PathwayFactory(person=PersonFactory(structure=structure)), planned_at=at(10, 10))
    InterviewFactory(pathway=pathway, planned_at=at(10, 10))
    time_machine.move_to(at(8, 10, 5), tick=False)
    with django_assert_num_queries(7):
        due = reminders.due()
    assert len(due) == 1  # only the consenting person
