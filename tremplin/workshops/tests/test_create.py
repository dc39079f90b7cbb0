import datetime

from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.workshops.models import Workshop

URL = reverse("workshops:create")


def test_a_counsellor_plans_a_workshop_run_by_a_staff_member(client, counsellor, supervisor, today):
    client.force_login(counsellor)
    response = client.post(
        URL,
        {
            "theme": "well_being",
            "title": "Sophrologie",
            "date": today.isoformat(),
            "start_time": "10:00",
            "end_time": "11:30",
            "facilitator_user": supervisor.pk,
            "notes_visibility": "whole_team",
        },
    )
    workshop = Workshop.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("workshops:invite", args=[workshop.public_id])
    assert (workshop.facilitator_user, workshop.created_by) == (supervisor, counsellor)


def test_a_workshop_without_facilitator_or_ending_before_it_starts_is_refused(client, counsellor, today):
    client.force_login(counsellor)
    response = client.post(
        URL,
        {
            "theme": "culture",
            "title": "Visite du musée",
            "date": today.isoformat(),
            "start_time": "15:00",
            "end_time": "14:00",
            "notes_visibility": "whole_team",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["end_time"] == ["Heure de fin : elle doit suivre l'heure de début."]
    assert "Animé par" in errors["facilitator_user"][0]
    assert not Workshop.objects.exists()


def test_a_facilitator_outside_the_structure_is_refused(client, counsellor, other_structure_director, today):
    client.force_login(counsellor)
    response = client.post(
        URL,
        {
            "theme": "culture",
            "title": "Visite",
            "date": (today + datetime.timedelta(days=400)).isoformat(),
            "facilitator_user": other_structure_director.pk,
            "notes_visibility": "whole_team",
        },
    )
    errors = response.context["form"].errors
    assert "membre actif" in errors["facilitator_user"][0]
    assert "moins d'un an" in errors["date"][0]
    assert not Workshop.objects.exists()


def test_a_supervisor_cannot_plan_a_workshop(client, supervisor):
    client.force_login(supervisor)
    assert client.get(URL).status_code == 403
    assert client.get(URL).status_code == 403 and not Workshop.objects.exists()


def test_a_job_coach_cannot_plan_a_workshop(client, member):
    client.force_login(member(Role.JOB_COACH))
    assert client.post(URL, {}).status_code == 403
