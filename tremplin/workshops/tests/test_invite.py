from django.urls import reverse

from tremplin.pathways.factories import PathwayFactory
from tremplin.workshops.models import Participant


def url(workshop):
    return reverse("workshops:invite", args=[workshop.public_id])


def test_a_counsellor_invites_people(client, workshop, counsellor, make_pathway):
    first, second = make_pathway("A", "Un"), make_pathway("B", "Deux")
    make_pathway("C", "Clos", status="closed")
    client.force_login(counsellor)
    assert set(client.get(url(workshop)).context["candidates"]) == {first, second}
    response = client.post(url(workshop), {"pathways": [str(first.public_id), str(second.public_id)]})
    assert response.status_code == 302
    assert set(Participant.objects.values_list("pathway", flat=True)) == {first.pk, second.pk}


def test_nobody_ticked_is_refused(client, workshop, counsellor, make_pathway):
    make_pathway()
    client.force_login(counsellor)
    response = client.post(url(workshop), {})
    assert "cochez au moins une personne" in response.context["errors"][0]


def test_a_person_of_another_structure_cannot_be_invited(client, workshop, counsellor):
    client.force_login(counsellor)
    response = client.post(url(workshop), {"pathways": [str(PathwayFactory().public_id)]})
    assert response.status_code == 200
    assert not Participant.objects.exists()


def test_it_refuses_another_structures_workshop(client, workshop, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(workshop)).status_code == 404
