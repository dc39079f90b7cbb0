"""Planning an interview with its invitation (interviews:create) and moving it with an update (interviews:edit)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.consent.factories import ConsentFactory
from tremplin.consent.models import ConsentKind
from tremplin.interviews.models import Interview
from tremplin.messaging.factories import ContactPreferenceFactory
from tremplin.messaging.models import Message, Purpose

from .conftest import local_input


@pytest.fixture(autouse=True)
def daytime(time_machine):
    """Outside the quiet hours (20:00–08:00), so that messages go at once."""
    time_machine.move_to(timezone.make_aware(datetime.datetime(2026, 12, 8, 11, 0)), tick=True)


@pytest.fixture
def reachable(pathway, counsellor, settings):
    settings.TREMPLIN_SMS_BACKEND = "console"
    person = pathway.person
    person.email = "awa@example.org"
    person.save()
    ConsentFactory(person=person, kind=ConsentKind.CONTACT, recorded_by=counsellor)
    ContactPreferenceFactory(person=person, mobile="+33612345678", by_email=False)
    return person


def plan(client, pathway, **fields):
    moment = timezone.now() + datetime.timedelta(days=4)
    data = {"kind": "individual", "planned_at": local_input(moment), "channel": "in_person"}
    data.update(fields)
    return client.post(reverse("interviews:create", args=[pathway.public_id]), data)


def test_the_invitation_is_ticked_per_the_persons_preferred_channel(client, counsellor, pathway, reachable):
    client.force_login(counsellor)
    html = client.get(reverse("interviews:create", args=[pathway.public_id])).content.decode()
    assert 'name="invite" value="sms" id="id_invite_0" checked' in html or (
        'value="sms"' in html and "checked" in html.split('value="sms"')[1].split(">")[0]
    )
    assert "checked" not in html.split('value="email"')[1].split(">")[0]


def test_planning_with_the_box_ticked_sends_the_invitation(
    client, counsellor, pathway, reachable, django_capture_on_commit_callbacks
):
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        response = plan(client, pathway, invite=["sms", "email"], bring="CV")
    assert response.status_code == 302
    interview = Interview.objects.get()
    messages = Message.objects.filter(meeting_id=interview.public_id, purpose=Purpose.INVITATION)
    assert sorted(messages.values_list("channel", flat=True)) == ["email", "sms"]
    assert all("CV" in body for body in messages.values_list("body", flat=True))
    assert set(messages.values_list("status", flat=True)) == {"sent"}


def test_without_consent_a_ticked_box_refuses_the_form_and_nothing_is_written(client, counsellor, pathway):
    client.force_login(counsellor)
    response = plan(client, pathway, invite=["sms"])
    assert response.status_code == 200
    assert "Invitation par SMS impossible" in response.content.decode()
    assert not Interview.objects.exists() and not Message.objects.exists()


def test_planning_without_the_box_sends_nothing(client, counsellor, pathway, reachable):
    client.force_login(counsellor)
    assert plan(client, pathway).status_code == 302
    assert Interview.objects.count() == 1 and not Message.objects.exists()


def test_moving_an_invited_meeting_sends_an_update(client, counsellor, pathway, reachable):
    client.force_login(counsellor)
    plan(client, pathway, invite=["sms"])
    interview = Interview.objects.get()
    moved = timezone.localtime(interview.planned_at) + datetime.timedelta(days=1)
    data = {
        "kind": "individual",
        "channel": "in_person",
        "planned_at": local_input(moved),
        "visibility": interview.visibility,
        "notify": "on",
    }
    assert client.post(reverse("interviews:edit", args=[interview.public_id]), data).status_code == 302
    update = Message.objects.get(purpose=Purpose.UPDATE)
    assert update.channel == "sms" and moved.strftime("%d/%m/%Y") in update.body


def test_editing_without_moving_sends_nothing(client, counsellor, pathway, reachable):
    client.force_login(counsellor)
    plan(client, pathway, invite=["sms"])
    interview = Interview.objects.get()
    data = {
        "kind": "individual",
        "channel": "in_person",
        "planned_at": local_input(interview.planned_at),
        "visibility": interview.visibility,
        "notify": "on",
        "notes": "changed",
    }
    client.post(reverse("interviews:edit", args=[interview.public_id]), data)
    assert not Message.objects.filter(purpose=Purpose.UPDATE).exists()
