import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.interviews.intake import INTAKE_SECTIONS, QUESTION_KEYS
from tremplin.interviews.models import Attendance, Interview, Kind

pytestmark = pytest.mark.django_db


def url(pathway) -> str:
    return reverse("interviews:intake", kwargs={"pathway_id": pathway.public_id})


def data(today, **overrides) -> dict:
    values = {
        "held_on": today.isoformat(),
        "led_by": "",
        "visibility": Visibility.SOCIAL_STAFF_ONLY,
        "q_experience": "Dix ans en cuisine collective.",
        "q_support_wishes": "Passer le permis de conduire.",
        "q_health_limits": "Pas de port de charges lourdes.",
    }
    values.update(overrides)
    return values


def test_the_guided_form_shows_every_section_and_question(client, counsellor, pathway):
    client.force_login(counsellor)

    response = client.get(url(pathway))

    assert response.status_code == 200
    page = response.content.decode()
    for section in INTAKE_SECTIONS:
        assert str(section.title).replace("'", "&#x27;") in page
    for key in QUESTION_KEYS:
        assert f'name="q_{key}"' in page


def test_a_counsellor_saves_one_dated_held_intake_with_its_answers(client, counsellor, pathway, today):
    client.force_login(counsellor)

    response = client.post(url(pathway), data(today, q_likes="   "))

    assert response.status_code == 302
    interview = Interview.objects.get()
    assert interview.kind == Kind.INTAKE
    assert interview.held_on == today
    assert interview.attendance == Attendance.PRESENT
    assert interview.led_by == counsellor
    assert interview.visibility == Visibility.SOCIAL_STAFF_ONLY
    assert interview.answers == {
        "experience": "Dix ans en cuisine collective.",
        "support_wishes": "Passer le permis de conduire.",
        "health_limits": "Pas de port de charges lourdes.",
    }


def test_it_refuses_an_intake_dated_in_the_future(client, counsellor, pathway, today):
    client.force_login(counsellor)

    response = client.post(url(pathway), data(today, held_on=(today + datetime.timedelta(days=1)).isoformat()))

    assert response.status_code == 200
    assert "held_on" in response.context["form"].errors
    assert not Interview.objects.exists()


def test_it_refuses_an_intake_without_a_date(client, counsellor, pathway, today):
    client.force_login(counsellor)

    response = client.post(url(pathway), data(today, held_on=""))

    assert response.status_code == 200
    assert "held_on" in response.context["form"].errors
    assert not Interview.objects.exists()


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN, Role.DPO])
def test_roles_that_do_not_edit_people_are_refused(client, member, pathway, role, today):
    client.force_login(member(role))

    assert client.get(url(pathway)).status_code == 403
    assert client.post(url(pathway), data(today)).status_code == 403
    assert not Interview.objects.exists()


def test_a_supervisor_of_the_team_is_refused_and_one_outside_gets_404(client, supervisor, member, pathway, today):
    client.force_login(supervisor)
    assert client.get(url(pathway)).status_code == 403
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(pathway)).status_code == 404


def test_it_refuses_another_structures_pathway(client, pathway, other_structure_user, today):
    client.force_login(other_structure_user)

    assert client.get(url(pathway)).status_code == 404
    assert client.post(url(pathway), data(today)).status_code == 404
    assert not Interview.objects.exists()
