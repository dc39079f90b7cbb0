import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance, Kind

from .conftest import local_input

pytestmark = pytest.mark.django_db


def url(interview) -> str:
    return reverse("interviews:edit", kwargs={"public_id": interview.public_id})


def data(interview, **overrides) -> dict:
    values = {
        "kind": interview.kind,
        "third_party": interview.third_party,
        "planned_at": local_input(interview.planned_at),
        "led_by": interview.led_by_id or "",
        "held_on": interview.held_on.isoformat() if interview.held_on else "",
        "attendance": interview.attendance,
        "notes": interview.notes,
        "visibility": interview.visibility,
    }
    values.update(overrides)
    return values


def test_a_counsellor_moves_a_planned_interview(client, counsellor, pathway):
    interview = InterviewFactory(pathway=pathway)
    client.force_login(counsellor)
    later = timezone.now() + datetime.timedelta(days=10)

    response = client.post(url(interview), data(interview, planned_at=local_input(later), notes="Apporter le CV."))

    assert response.status_code == 302
    interview.refresh_from_db()
    assert timezone.localtime(interview.planned_at).date() == timezone.localtime(later).date()
    assert interview.notes == "Apporter le CV."


def test_it_refuses_moving_a_planned_interview_into_the_past(client, counsellor, pathway):
    interview = InterviewFactory(pathway=pathway)
    client.force_login(counsellor)

    response = client.post(
        url(interview), data(interview, planned_at=local_input(timezone.now() - datetime.timedelta(days=1)))
    )

    assert response.status_code == 200
    assert "planned_at" in response.context["form"].errors


def test_notes_of_a_missed_interview_can_be_edited_without_moving_it(client, counsellor, pathway):
    interview = InterviewFactory(pathway=pathway, planned_at=timezone.now() - datetime.timedelta(days=3))
    client.force_login(counsellor)

    response = client.post(url(interview), data(interview, notes="Reporté à la demande de la personne."))

    assert response.status_code == 302


def test_it_refuses_attendance_without_a_held_date(client, counsellor, pathway):
    interview = InterviewFactory(pathway=pathway)
    client.force_login(counsellor)

    response = client.post(url(interview), data(interview, attendance=Attendance.PRESENT))

    assert response.status_code == 200
    assert "held_on" in response.context["form"].errors
    interview.refresh_from_db()
    assert interview.attendance == ""


def test_it_refuses_a_held_date_in_the_future(client, counsellor, pathway, today):
    interview = InterviewFactory(pathway=pathway)
    client.force_login(counsellor)

    response = client.post(
        url(interview),
        data(interview, held_on=(today + datetime.timedelta(days=2)).isoformat(), attendance=Attendance.PRESENT),
    )

    assert response.status_code == 200
    assert "held_on" in response.context["form"].errors


def test_editing_an_intake_shows_its_questions(client, counsellor, pathway, today):
    interview = InterviewFactory(
        pathway=pathway,
        kind=Kind.INTAKE,
        held_on=today,
        attendance=Attendance.PRESENT,
        answers={"skills": "Soudure"},
    )
    client.force_login(counsellor)

    response = client.get(url(interview))
    assert response.status_code == 200
    assert "Soudure" in response.content.decode()

    response = client.post(
        url(interview),
        {
            "held_on": today.isoformat(),
            "led_by": "",
            "visibility": Visibility.SOCIAL_STAFF_ONLY,
            "q_skills": "Maçonnerie",
        },
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.answers == {"skills": "Maçonnerie"}


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN, Role.DPO])
def test_readers_who_do_not_edit_people_are_refused(client, member, pathway, role):
    interview = InterviewFactory(pathway=pathway, visibility=Visibility.WHOLE_TEAM)
    client.force_login(member(role))

    assert client.get(url(interview)).status_code == 403
    assert client.post(url(interview), data(interview, notes="x")).status_code == 403
    interview.refresh_from_db()
    assert interview.notes == ""


def test_it_refuses_another_structures_interview(client, pathway, other_structure_user):
    interview = InterviewFactory(pathway=pathway)
    client.force_login(other_structure_user)

    assert client.get(url(interview)).status_code == 404
    assert client.post(url(interview), data(interview)).status_code == 404
