"""An immersion's first day as a kind of meeting: the person invited when it is recorded with an arrival time
(box on the form), told when the day, time or host changes, reminded once, never once the first day has come;
nothing at all without an arrival time."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.tests.helpers import open_form, posted
from tremplin.immersions.factories import ImmersionFactory
from tremplin.immersions.models import Immersion
from tremplin.messaging import reminders
from tremplin.messaging.models import MeetingKind, Message, Purpose


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 12, day, hour, minute))


@pytest.fixture
def coach(member):
    return member(Role.JOB_COACH)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(at(7, 11), tick=False)


def record(client, pathway, **extra):
    return client.post(
        reverse("immersions:create", args=[pathway.public_id]),
        {
            "host_name": "Jardins de Flandre",
            "host_address": "12 rue des Serres, Lille",
            "job_title": "Jardinier",
            "tutor_name": "Paul Lefebvre",
            "starts_on": "2026-12-10",
            "ends_on": "2026-12-18",
            "objective": "confirm_project",
            **extra,
        },
    )


@pytest.fixture
def immersion(pathway, coach):
    """First day Thursday 10 December, arrival at 08:30."""
    return ImmersionFactory(
        pathway=pathway,
        host_name="Jardins de Flandre",
        host_address="12 rue des Serres, Lille",
        starts_on=datetime.date(2026, 12, 10),
        ends_on=datetime.date(2026, 12, 18),
        arrival_time=datetime.time(8, 30),
        created_by=coach,
    )


def run(time_machine, moment, capture):
    time_machine.move_to(moment, tick=False)
    with capture(execute=True):
        call_command("send_due_reminders", stdout=open("/dev/null", "w"))


def test_recording_the_immersion_sends_the_invitation_with_the_host_and_arrival_time(
    servers, now, client, coach, pathway, consenting, django_capture_on_commit_callbacks
):
    sink, brevo = servers
    client.force_login(coach)
    with django_capture_on_commit_callbacks(execute=True):
        response = record(client, pathway, arrival_time="08:30", send="1")
    assert response.status_code == 302
    immersion = Immersion.objects.get(pathway=pathway)
    sent = Message.objects.filter(meeting_kind=MeetingKind.IMMERSION, meeting_id=immersion.public_id)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]
    assert all(m.purpose == Purpose.INVITATION for m in sent)
    body = sent.get(channel="sms").body
    assert "premier jour d'immersion" in body and "08:30" in body
    assert "Jardins de Flandre, 12 rue des Serres, Lille" in body
    assert len(sink.messages) == 1 and len(brevo.received) == 1


def test_the_form_offers_the_box_and_says_nothing_goes_without_an_arrival_time(client, coach, pathway):
    client.force_login(coach)
    page = client.get(reverse("immersions:create", args=[pathway.public_id])).content.decode()
    assert 'name="send"' in page and "Seulement avec une heure d'arrivée" in page


def test_no_message_when_the_box_is_unticked(
    servers, now, client, coach, pathway, consenting, django_capture_on_commit_callbacks
):
    client.force_login(coach)
    with django_capture_on_commit_callbacks(execute=True):
        record(client, pathway, arrival_time="08:30")
    assert Immersion.objects.filter(pathway=pathway).exists()
    assert not Message.objects.exists()


def test_nothing_is_sent_without_an_arrival_time(
    servers, now, client, coach, pathway, consenting, django_capture_on_commit_callbacks
):
    client.force_login(coach)
    with django_capture_on_commit_callbacks(execute=True):
        record(client, pathway, send="1")
    assert Immersion.objects.filter(pathway=pathway).count() == 1
    assert not Message.objects.exists()


def test_moving_the_first_day_sends_an_update_to_the_person_invited(
    servers, now, client, coach, pathway, consenting, django_capture_on_commit_callbacks
):
    client.force_login(coach)
    with django_capture_on_commit_callbacks(execute=True):
        record(client, pathway, arrival_time="08:30", send="1")
        immersion = Immersion.objects.get(pathway=pathway)
        url = reverse("immersions:edit", args=[immersion.public_id])
        data = posted(open_form(client, url), arrival_time="09:15", starts_on="2026-12-11")
        response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    updates = Message.objects.filter(purpose=Purpose.UPDATE, meeting_kind=MeetingKind.IMMERSION)
    assert sorted(updates.values_list("channel", flat=True)) == ["email", "sms"]
    assert "09:15" in updates.get(channel="sms").body


def test_an_edit_that_keeps_the_first_day_sends_nothing(
    servers, now, client, coach, pathway, consenting, immersion, django_capture_on_commit_callbacks
):
    client.force_login(coach)
    url = reverse("immersions:edit", args=[immersion.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, posted(open_form(client, url), tutor_role="Gérant"))
    assert not Message.objects.exists()


def test_the_reminder_is_selected_once(
    servers, consenting, immersion, time_machine, django_capture_on_commit_callbacks
):
    run(time_machine, at(8, 8, 35), django_capture_on_commit_callbacks)
    run(time_machine, at(8, 8, 50), django_capture_on_commit_callbacks)
    sent = Message.objects.filter(purpose=Purpose.REMINDER, meeting_kind=MeetingKind.IMMERSION)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]


def test_no_reminder_without_an_arrival_time_or_once_the_first_day_has_come(consenting, immersion, time_machine):
    time_machine.move_to(at(8, 8, 35), tick=False)
    assert [item.meeting.kind for item in reminders.due()] == [MeetingKind.IMMERSION]
    Immersion.objects.filter(pk=immersion.pk).update(arrival_time=None)
    assert reminders.due() == []
    Immersion.objects.filter(pk=immersion.pk).update(arrival_time=datetime.time(8, 30))
    time_machine.move_to(at(10, 9, 0), tick=False)
    assert reminders.due() == []
