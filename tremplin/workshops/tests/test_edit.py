from django.urls import reverse


def url(workshop):
    return reverse("workshops:edit", args=[workshop.public_id])


def test_a_counsellor_changes_the_workshop(client, workshop, counsellor, today):
    client.force_login(counsellor)
    response = client.post(
        url(workshop),
        {
            "theme": "job_search",
            "title": "Groupe emploi",
            "date": today.isoformat(),
            "facilitator_name": "Conseillère France Travail",
            "notes": "Préparer les CV",
            "notes_visibility": "whole_team",
        },
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert (workshop.theme, workshop.title) == ("job_search", "Groupe emploi")


def test_the_facilitating_supervisor_cannot_change_it(client, workshop, supervisor):
    workshop.facilitator_user = supervisor
    workshop.save()
    client.force_login(supervisor)
    assert client.get(url(workshop)).status_code == 403


def test_it_refuses_another_structures_workshop(client, workshop, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(workshop)).status_code == 404
