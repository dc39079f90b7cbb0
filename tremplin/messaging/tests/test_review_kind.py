"""Review meetings as a kind of meeting, for the people on the agenda marked invited only: invited when added (box
on the pick page) or later (the agenda's button), told when the meeting moves, reminded once, never once they are
no longer invited, taken off the agenda or the meeting has passed."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tremplin.messaging import reminders
from tremplin.messaging.models import MeetingKind, Message, Purpose
from tremplin.review_meetings.factories import ReviewItemFactory, ReviewMeetingFactory
from tremplin.review_meetings.models import ReviewItem


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 12, day, hour, minute))


@pytest.fixture
def now(time_machine):
    time_machine.move_to(at(7, 11), tick=False)


@pytest.fixture
def review(structure, counsellor):
    """Thursday 10 December at 09:30, room A."""
    return ReviewMeetingFactory(
        structure=structure,
        date=datetime.date(2026, 12, 10),
        start_time=datetime.time(9, 30),
        place="Salle A, 3 rue des Lilas",
        created_by=counsellor,
    )


def pick(client, review, pathway, **extra):
    return client.post(
        reverse("review_meetings:pick", args=[review.public_id]),
        {"helper": "everyone", "pathways": [str(pathway.public_id)], **extra},
    )


def run(time_machine, moment, capture):
    time_machine.move_to(moment, tick=False)
    with capture(execute=True):
        call_command("send_due_reminders", stdout=open("/dev/null", "w"))


def test_adding_an_invited_person_sends_the_invitation(
    servers, now, client, counsellor, pathway, consenting, review, django_capture_on_commit_callbacks
):
    sink, brevo = servers
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        response = pick(client, review, pathway, invite="1")
    assert response.status_code == 302
    item = ReviewItem.objects.get(meeting=review, pathway=pathway)
    assert item.person_invited
    sent = Message.objects.filter(meeting_kind=MeetingKind.REVIEW, meeting_id=item.public_id)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]
    body = sent.get(channel="sms").body
    assert "réunion avec l'équipe" in body and "09:30" in body and "Salle A, 3 rue des Lilas" in body
    assert len(sink.messages) == 1 and len(brevo.received) == 1


def test_a_person_not_invited_gets_nothing(
    servers, now, client, counsellor, pathway, consenting, review, django_capture_on_commit_callbacks
):
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        pick(client, review, pathway)
    assert not ReviewItem.objects.get(meeting=review).person_invited
    assert not Message.objects.exists()
    time_machine_moment = at(9, 9, 35)
    assert all(item.meeting.kind != MeetingKind.REVIEW for item in reminders.due(time_machine_moment))


def test_the_agenda_shows_and_switches_the_invitation(
    servers, now, client, counsellor, pathway, consenting, review, django_capture_on_commit_callbacks
):
    item = ReviewItemFactory(meeting=review, pathway=pathway)
    client.force_login(counsellor)
    page = client.get(reverse("review_meetings:detail", args=[review.public_id])).content.decode()
    assert reverse("review_meetings:invite", args=[item.public_id]) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("review_meetings:invite", args=[item.public_id]), {"invited": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.person_invited
    assert Message.objects.filter(purpose=Purpose.INVITATION, meeting_kind=MeetingKind.REVIEW).count() == 2
    page = client.get(reverse("review_meetings:detail", args=[review.public_id])).content.decode()
    assert "invité·e à la réunion" in page
    client.post(reverse("review_meetings:invite", args=[item.public_id]), {"invited": "0"})
    item.refresh_from_db()
    assert not item.person_invited


def test_nothing_is_sent_for_a_meeting_without_a_start_time(
    servers, now, client, counsellor, pathway, consenting, review, django_capture_on_commit_callbacks
):
    review.start_time = None
    review.save()
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        pick(client, review, pathway, invite="1")
    assert ReviewItem.objects.get(meeting=review).person_invited
    assert not Message.objects.exists()


def test_moving_the_meeting_sends_an_update_to_those_invited(
    servers, now, client, counsellor, pathway, consenting, review, django_capture_on_commit_callbacks
):
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        pick(client, review, pathway, invite="1")
        response = client.post(
            reverse("review_meetings:edit", args=[review.public_id]),
            {"kind": review.kind, "date": "2026-12-11", "start_time": "14:00", "place": review.place},
        )
    assert response.status_code == 302, response.context["form"].errors
    updates = Message.objects.filter(purpose=Purpose.UPDATE, meeting_kind=MeetingKind.REVIEW)
    assert sorted(updates.values_list("channel", flat=True)) == ["email", "sms"]
    assert "14:00" in updates.get(channel="sms").body


def test_the_reminder_is_selected_once(
    servers, pathway, consenting, review, time_machine, django_capture_on_commit_callbacks
):
    ReviewItemFactory(meeting=review, pathway=pathway, person_invited=True)
    run(time_machine, at(8, 9, 35), django_capture_on_commit_callbacks)
    run(time_machine, at(8, 9, 50), django_capture_on_commit_callbacks)
    sent = Message.objects.filter(purpose=Purpose.REMINDER, meeting_kind=MeetingKind.REVIEW)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]


def test_no_reminder_once_uninvited_taken_off_or_past(servers, pathway, consenting, review, time_machine):
    item = ReviewItemFactory(meeting=review, pathway=pathway, person_invited=True)
    time_machine.move_to(at(8, 9, 35), tick=False)
    assert [due.meeting.kind for due in reminders.due()] == [MeetingKind.REVIEW]
    ReviewItem.objects.filter(pk=item.pk).update(person_invited=False)
    assert reminders.due() == []
    ReviewItem.objects.filter(pk=item.pk).update(person_invited=True)
    time_machine.move_to(at(10, 10, 0), tick=False)
    assert reminders.due() == []
    item.delete()
    time_machine.move_to(at(8, 9, 35), tick=False)
    assert reminders.due() == []
