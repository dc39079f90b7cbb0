from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry

SOCIAL_NOTE = "Deux personnes ont parlé de leurs dettes"


def url(workshop):
    return reverse("workshops:detail", args=[workshop.public_id])


def test_the_social_staff_see_participants_and_notes_and_it_is_logged(client, workshop, participant, counsellor):
    workshop.notes, workshop.notes_visibility = SOCIAL_NOTE, "social_staff_only"
    workshop.save()
    client.force_login(counsellor)
    page = client.get(url(workshop)).content.decode()
    assert "Awa Diallo" in page and SOCIAL_NOTE in page
    assert AccessLogEntry.objects.filter(
        part="workshop", person_public_id=participant.pathway.person.public_id
    ).exists()


def test_the_facilitating_supervisor_never_sees_social_only_notes(client, workshop, participant, supervisor):
    workshop.notes, workshop.notes_visibility, workshop.facilitator_user = SOCIAL_NOTE, "social_staff_only", supervisor
    workshop.save()
    client.force_login(supervisor)
    response = client.get(url(workshop))
    assert response.status_code == 200
    assert SOCIAL_NOTE not in response.content.decode()


def test_a_supervisor_who_does_not_facilitate_gets_404(client, workshop, supervisor):
    client.force_login(supervisor)
    assert client.get(url(workshop)).status_code == 404


def test_a_job_coach_gets_403(client, workshop, member):
    client.force_login(member(Role.JOB_COACH))
    assert client.get(url(workshop)).status_code == 403


def test_it_refuses_another_structures_workshop(client, workshop, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(workshop)).status_code == 404
