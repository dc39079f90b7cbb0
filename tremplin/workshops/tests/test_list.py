import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.workshops.factories import ParticipantFactory, WorkshopFactory

URL = reverse("workshops:list")


def test_the_social_staff_see_workshops_and_the_counts(client, structure, counsellor, participant, today):
    participant.attendance = "present"
    participant.save()
    WorkshopFactory(structure=structure, date=today + datetime.timedelta(days=5), title="Atelier à venir")
    client.force_login(counsellor)
    response = client.get(URL)
    assert response.status_code == 200
    assert [w.title for w in response.context["upcoming"]] == ["Créer son espace France Travail", "Atelier à venir"]
    assert response.context["counts"][0]["participations"] == 1


def test_a_bad_period_is_named_and_the_default_period_is_used(client, counsellor, today):
    client.force_login(counsellor)
    response = client.get(URL, {"start": "2026-05-01", "end": "2026-04-01"})
    assert response.context["period_form"].errors["end"] == ["Au : la fin de la période doit suivre son début."]
    assert response.context["start"] == today.replace(month=1, day=1)


def test_a_supervisor_sees_only_the_workshops_they_facilitate(client, structure, supervisor):
    mine = WorkshopFactory(structure=structure, facilitator_user=supervisor)
    WorkshopFactory(structure=structure)
    client.force_login(supervisor)
    response = client.get(URL)
    assert response.context["upcoming"] == [mine]
    assert "counts" not in response.context


def test_it_never_lists_another_structures_workshops(client, other_structure_director, workshop):
    client.force_login(other_structure_director)
    assert client.get(URL).context["upcoming"] == []


def test_a_partner_is_refused(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, structure, counsellor, make_pathway, count, django_assert_num_queries):
    for n in range(count):
        workshop = WorkshopFactory(structure=structure, facilitator_user=counsellor)
        ParticipantFactory(workshop=workshop, pathway=make_pathway(f"P{n}", f"N{n}"), attendance="present")
    client.force_login(counsellor)
    with django_assert_num_queries(8):
        client.get(URL)
