"""The private iCal feed: created, renewed and revoked from the agenda, read by token alone, parsed back."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tremplin.accounts.roles import Role
from tremplin.calendars.factories import CalendarFeedFactory
from tremplin.calendars.models import CalendarFeed
from tremplin.calendars.services import token_hash
from tremplin.interviews.factories import InterviewFactory

from .conftest import at


def _create(client, action="create") -> str:
    response = client.post(reverse("calendars:feed_manage"), {"action": action})
    assert response.status_code == 200
    return re.search(r'value="(http[^"]+\.ics)"', response.content.decode()).group(1)


@pytest.fixture
def soon(structure, counsellor, pathway):
    today = timezone.localdate()
    return InterviewFactory(
        pathway=pathway,
        led_by=counsellor,
        planned_at=at(today, 10),
        notes="Parle de sa dette de loyer",
        third_party="Maître Dupont",
    )


def test_the_feed_holds_ones_appointments_with_initials_kind_and_place_only(client, counsellor, soon):
    client.force_login(counsellor)
    url = _create(client)
    client.logout()  # the feed needs no session

    response = client.get(url)

    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private, no-store"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Entretien individuel – P. M."]
    event = events[0]
    assert str(event["LOCATION"]) == "en présence"
    assert event["DTSTART"].dt == soon.planned_at
    assert str(event["UID"]) == f"interview-{soon.public_id}@tremplin"
    text = response.content.decode()
    for secret in ("Paul", "Martin", "dette", "Dupont"):
        assert secret not in text


def test_only_the_hash_of_the_token_is_kept(client, counsellor):
    client.force_login(counsellor)
    url = _create(client)
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get(user=counsellor)
    assert feed.token_hash == token_hash(token) and token not in feed.token_hash


def test_renewing_stops_the_old_address(client, counsellor):
    client.force_login(counsellor)
    old = _create(client)
    new = _create(client, "regenerate")
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert CalendarFeed.objects.count() == 1


def test_a_revoked_feed_answers_404(client, counsellor):
    client.force_login(counsellor)
    url = _create(client)
    response = client.post(reverse("calendars:feed_manage"), {"action": "revoke"})
    assert response.status_code == 302
    assert client.get(url).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_an_unknown_action_is_refused_with_a_message(client, counsellor):
    client.force_login(counsellor)
    response = client.post(reverse("calendars:feed_manage"), {"action": "explode"}, follow=True)
    assert "Action : choisissez créer, renouveler ou révoquer le flux." in response.content.decode()
    assert not CalendarFeed.objects.exists()


def test_an_unknown_token_answers_404(client, db):
    assert client.get(reverse("calendars:feed", args=["nope"])).status_code == 404


def test_the_feed_of_someone_who_left_the_structure_answers_404(client, structure, counsellor):
    CalendarFeedFactory(user=counsellor, structure=structure, token="left")
    counsellor.memberships.update(is_active=False)
    assert client.get(reverse("calendars:feed", args=["left"])).status_code == 404


def test_the_feed_holds_only_what_its_owner_may_read(client, structure, member, pathway):
    job_coach = member(Role.JOB_COACH)
    today = timezone.localdate()
    InterviewFactory(pathway=pathway, led_by=job_coach, planned_at=at(today, 9), visibility="social_staff_only")
    InterviewFactory(pathway=pathway, led_by=job_coach, planned_at=at(today, 11), kind="tripartite")
    CalendarFeedFactory(user=job_coach, structure=structure, token="coach")
    events = Calendar.from_ical(client.get(reverse("calendars:feed", args=["coach"])).content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Entretien tripartite – P. M."]


def test_the_agenda_offers_to_create_then_to_renew_or_revoke(client, counsellor):
    client.force_login(counsellor)
    assert 'value="create"' in client.get(reverse("calendars:week")).content.decode()
    _create(client)
    html = client.get(reverse("calendars:week")).content.decode()
    assert 'value="regenerate"' in html and 'value="revoke"' in html


@pytest.mark.parametrize("count", [1, 10])
def test_constant_query_count(client, structure, counsellor, pathway, count, django_assert_num_queries):
    today = timezone.localdate()
    for n in range(count):
        InterviewFactory(pathway=pathway, led_by=counsellor, planned_at=at(today, 8 + n))
    CalendarFeedFactory(user=counsellor, structure=structure, token="mine")
    # The feed, the membership, one query per kind of appointment, and the request's savepoint and release.
    with django_assert_num_queries(8):
        client.get(reverse("calendars:feed", args=["mine"]))
