"""The person's "I can't come" page (messaging:decline): no sign-in, signed link, in the person's language."""

import pytest
from django.urls import reverse

from tremplin.messaging import services
from tremplin.messaging.meetings import of_interview
from tremplin.messaging.signals import meeting_declined
from tremplin.timeline.models import TimelineEvent


@pytest.fixture
def declines():
    received = []

    def receiver(sender, message, meeting, person, staff_user, **kwargs):
        received.append((message.pk, meeting.pk, person.pk, staff_user))

    meeting_declined.connect(receiver, weak=False, dispatch_uid="test-declines")
    yield received
    meeting_declined.disconnect(dispatch_uid="test-declines")


@pytest.fixture
def invitation(consenting, interview, counsellor, settings):
    settings.TREMPLIN_SMS_BACKEND = "console"
    return services.invite(of_interview(interview), by=counsellor, channels=["sms"], site_url="http://t.test")[0]


def url(message):
    return reverse("messaging:decline", args=[services.decline_token(message)])


def test_opening_the_link_asks_and_records_nothing(client, invitation, declines):
    response = client.get(url(invitation))
    assert response.status_code == 200
    assert "Confirmer que je ne peux pas venir" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.declined_at is None and declines == []


def test_confirming_records_the_answer_and_tells_the_staff_member(client, invitation, interview, counsellor, declines):
    response = client.post(url(invitation))
    assert "C&#x27;est noté" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert declines == [(invitation.pk, interview.pk, interview.pathway.person_id, counsellor)]
    assert TimelineEvent.objects.filter(kind="message", variant="declined").count() == 1
    client.post(url(invitation))
    assert len(declines) == 1


def test_the_page_is_in_the_persons_language(client, consenting, interview, counsellor, declines):
    consenting.preferred_language = "nl"
    consenting.save()
    message = services.invite(of_interview(interview), by=counsellor, channels=["email"], site_url="http://t.test")[0]
    html = client.get(url(message)).content.decode()
    assert "Kunt u niet komen?" in html and 'lang="nl"' in html


def test_a_forged_link_is_refused(client, invitation, declines):
    response = client.post(reverse("messaging:decline", args=[invitation.public_id.hex + ":forged"]))
    assert response.status_code == 404
    assert declines == []


def test_a_past_meeting_can_no_longer_be_declined(client, invitation, interview, declines, time_machine):
    import datetime

    time_machine.move_to(interview.planned_at + datetime.timedelta(hours=1))
    response = client.post(url(invitation))
    assert "plus valable" in response.content.decode()
    assert declines == []


def test_the_staff_member_sees_the_answer_on_the_meeting(client, invitation, interview, counsellor):
    client.post(url(invitation))
    client.force_login(counsellor)
    listing = client.get(reverse("interviews:list", args=[interview.pathway.public_id])).content.decode()
    assert "La personne ne pourra pas venir" in listing
    page = client.get(reverse("interviews:edit", args=[interview.public_id])).content.decode()
    assert "La personne ne pourra pas venir" in page
