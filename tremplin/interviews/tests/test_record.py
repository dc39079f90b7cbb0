import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance

pytestmark = pytest.mark.django_db


def url(interview) -> str:
    return reverse("interviews:record", kwargs={"public_id": interview.public_id})


@pytest.fixture
def missed(pathway):
    """Planned two days ago, not recorded yet: recording it must be possible."""
    return InterviewFactory(pathway=pathway, planned_at=timezone.now() - datetime.timedelta(days=2))


def data(today, **overrides) -> dict:
    values = {
        "held_on": today.isoformat(),
        "attendance": Attendance.PRESENT,
        "notes": "Point sur la recherche de logement.",
        "visibility": Visibility.SOCIAL_STAFF_ONLY,
    }
    values.update(overrides)
    return values


def test_a_counsellor_records_a_past_planned_interview_as_held(client, counsellor, missed, today):
    client.force_login(counsellor)

    response = client.post(url(missed), data(today, held_on=(today - datetime.timedelta(days=2)).isoformat()))

    assert response.status_code == 302
    missed.refresh_from_db()
    assert missed.held_on == today - datetime.timedelta(days=2)
    assert missed.attendance == Attendance.PRESENT
    assert missed.notes == "Point sur la recherche de logement."


def test_it_refuses_a_held_date_in_the_future(client, counsellor, missed, today):
    client.force_login(counsellor)

    response = client.post(url(missed), data(today, held_on=(today + datetime.timedelta(days=1)).isoformat()))

    assert response.status_code == 200
    assert "futur" in response.context["form"].errors["held_on"][0]
    missed.refresh_from_db()
    assert missed.held_on is None
    assert missed.notes == ""


def test_attendance_is_required_when_held(client, counsellor, missed, today):
    client.force_login(counsellor)

    response = client.post(url(missed), data(today, attendance=""))

    assert response.status_code == 200
    assert "attendance" in response.context["form"].errors
    missed.refresh_from_db()
    assert missed.held_on is None


def test_the_page_shows_the_interview_and_logs_the_read(client, counsellor, missed):
    from tremplin.audit.models import AccessLogEntry

    client.force_login(counsellor)

    response = client.get(url(missed))

    assert response.status_code == 200
    assert AccessLogEntry.objects.filter(part="interviews", object_public_id=str(missed.public_id)).exists()


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN, Role.DPO])
def test_readers_who_do_not_edit_people_are_refused(client, member, pathway, role, today):
    interview = InterviewFactory(pathway=pathway, visibility=Visibility.WHOLE_TEAM)
    client.force_login(member(role))

    assert client.get(url(interview)).status_code == 403
    assert client.post(url(interview), data(today)).status_code == 403
    interview.refresh_from_db()
    assert interview.held_on is None


def test_it_refuses_another_structures_interview(client, missed, other_structure_user, today):
    client.force_login(other_structure_user)

    assert client.get(url(missed)).status_code == 404
    assert client.post(url(missed), data(today)).status_code == 404
