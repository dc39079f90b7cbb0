from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.handover.models import Handover
from tremplin.pathways.factories import PathwayFactory

URL = reverse("handover:create")


def _source(user, structure):
    return f"referent:{user.memberships.get(structure=structure).public_id}"


def test_the_director_gives_a_leaving_counsellors_people_to_a_newcomer(
    client, structure, director, leaving, newcomer, make_pathway
):
    first, second = make_pathway("A", "Un", referent=leaving), make_pathway("B", "Deux", referent=leaving)
    make_pathway("C", "Autre")
    client.force_login(director)
    query = {"source": _source(leaving, structure)}
    response = client.get(URL, query)
    assert [row["pathway"] for row in response.context["pathways"]] == [second, first]
    response = client.post(
        f"{URL}?source={query['source']}",
        {
            "pathways": [str(first.public_id), str(second.public_id)],
            "to_referent": newcomer.pk,
            "note": "Départ à la retraite",
            f"note-{first.public_id}": "Rendez-vous CAF le 3",
        },
    )
    handover = Handover.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("handover:detail", args=[handover.public_id])
    assert handover.from_user == leaving and handover.created_by == director
    first.refresh_from_db()
    assert first.referent == newcomer


def test_a_missing_note_and_a_missing_referent_are_named(client, structure, director, leaving, make_pathway):
    pathway = make_pathway(referent=leaving)
    client.force_login(director)
    response = client.post(f"{URL}?source={_source(leaving, structure)}", {"pathways": [str(pathway.public_id)]})
    assert response.status_code == 200
    assert "Nouveau·elle référent·e" in response.context["form"].errors["to_referent"][0]
    assert not Handover.objects.exists()


def test_a_person_of_another_structure_cannot_be_slipped_in(client, structure, director, leaving, newcomer):
    client.force_login(director)
    response = client.post(
        f"{URL}?source={_source(leaving, structure)}",
        {"pathways": [str(PathwayFactory().public_id)], "to_referent": newcomer.pk, "note": "x"},
    )
    assert "ne peut pas être confiée" in response.context["errors"][0]
    assert not Handover.objects.exists()


def test_another_structures_worksite_is_not_a_source(client, director, other_structure_director):
    from tremplin.structures.factories import WorksiteFactory

    client.force_login(director)
    response = client.get(URL, {"source": f"worksite:{WorksiteFactory().public_id}"})
    assert "source" in response.context["source_form"].errors


def test_a_supervisor_cannot_hand_people_over(client, member):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(URL).status_code == 403
