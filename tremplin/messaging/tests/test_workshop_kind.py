"""Workshops as a kind of meeting: each participant invited when added, told when the workshop moves, reminded
once, never after their attendance is recorded or once they are taken off the workshop."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tremplin.messaging import reminders
from tremplin.messaging.models import MeetingKind, Message, Purpose
from tremplin.workshops.factories import ParticipantFactory, WorkshopFactory
from tremplin.workshops.models import Participant


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 12, day, hour, minute))


@pytest.fixture
def workshop(structure, counsellor):
    """Thursday 10 December at 14:00, room B."""
    return WorkshopFactory(
        structure=structure,
        date=datetime.date(2026, 12, 10),
        start_time=datetime.time(14, 0),
        place="Salle B, 3 rue des Lilas",
        facilitator_user=counsellor,
    )


@pytest.fixture
def now(time_machine):
    time_machine.move_to(at(7, 11), tick=False)


def run(time_machine, moment, capture):
    time_machine.move_to(moment, tick=False)
    with capture(execute=True):
        call_command("send_due_reminders", stdout=open("/dev/null", "w"))


def test_adding_a_person_sends_the_invitation_with_the_workshops_place(
    servers, now, client, counsellor, pathway, consenting, workshop, django_capture_on_commit_callbacks
):
    sink, brevo = servers
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workshops:invite", args=[workshop.public_id]), {"pathways": [pathway.public_id], "send": "1"}
        )
    assert response.status_code == 302
    participant = Participant.objects.get(workshop=workshop, pathway=pathway)
    sent = Message.objects.filter(meeting_kind=MeetingKind.WORKSHOP, meeting_id=participant.public_id)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]
    assert all(m.purpose == Purpose.INVITATION for m in sent)
    body = sent.get(channel="sms").body
    assert "atelier collectif" in body and "Salle B, 3 rue des Lilas" in body and "14:00" in body
    assert len(sink.messages) == 1 and len(brevo.received) == 1


def test_no_message_when_the_box_is_unticked(
    servers, now, client, counsellor, pathway, consenting, workshop, django_capture_on_commit_callbacks
):
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("workshops:invite", args=[workshop.public_id]), {"pathways": [pathway.public_id]})
    assert Participant.objects.filter(workshop=workshop, pathway=pathway).exists()
    assert not Message.objects.exists()


def test_nothing_is_sent_for_a_workshop_without_a_start_time(
    servers, now, client, counsellor, pathway, consenting, workshop, django_capture_on_commit_callbacks
):
    workshop.start_time = None
    workshop.save()
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("workshops:invite", args=[workshop.public_id]), {"pathways": [pathway.public_id], "send": "1"}
        )
    assert Participant.objects.filter(workshop=workshop).count() == 1
    assert not Message.objects.exists()


def test_moving_the_workshop_sends_an_update_to_those_invited(
    servers, now, client, counsellor, pathway, consenting, workshop, django_capture_on_commit_callbacks
):
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("workshops:invite", args=[workshop.public_id]), {"pathways": [pathway.public_id], "send": "1"}
        )
        response = client.post(
            reverse("workshops:edit", args=[workshop.public_id]),
            {
                "theme": workshop.theme,
                "title": workshop.title,
                "date": "2026-12-11",
                "start_time": "09:30",
                "place": workshop.place,
                "facilitator_user": counsellor.pk,
                "notes_visibility": workshop.notes_visibility,
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    updates = Message.objects.filter(purpose=Purpose.UPDATE)
    assert sorted(updates.values_list("channel", flat=True)) == ["email", "sms"]
    assert "09:30" in updates.get(channel="sms").body


def test_the_reminder_is_selected_once(
    servers, pathway, consenting, workshop, time_machine, django_capture_on_commit_callbacks
):
    ParticipantFactory(workshop=workshop, pathway=pathway)
    run(time_machine, at(8, 14, 5), django_capture_on_commit_callbacks)
    run(time_machine, at(8, 14, 20), django_capture_on_commit_callbacks)
    sent = Message.objects.filter(purpose=Purpose.REMINDER, meeting_kind=MeetingKind.WORKSHOP)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]


def test_no_reminder_once_attendance_is_recorded_or_the_person_is_taken_off(
    servers, pathway, consenting, workshop, time_machine
):
    participant = ParticipantFactory(workshop=workshop, pathway=pathway, attendance="excused")
    time_machine.move_to(at(8, 14, 5), tick=False)
    assert reminders.due() == []
    participant.delete()
    assert reminders.due() == []
