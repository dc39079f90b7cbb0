import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.barriers.models import BarrierDomain
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("barriers:rank", kwargs={"pathway_id": pathway.public_id})


def field(barrier):
    return f"priority_{barrier.public_id}"


def test_the_counsellor_saves_the_persons_ranking(client, team, identify):
    a = identify(team["pathway"], BarrierDomain.MOBILITY)
    b = identify(team["pathway"], BarrierDomain.HOUSING)
    c = identify(team["pathway"], BarrierDomain.MONEY)
    client.force_login(team["counsellor"])
    response = client.post(url(team["pathway"]), {field(a): "2", field(b): "1", field(c): ""})
    assert response.status_code == 302
    for barrier in (a, b, c):
        barrier.refresh_from_db()
    assert (a.person_priority, b.person_priority, c.person_priority) == (2, 1, None)


def test_duplicate_ranks_are_refused_with_a_clear_message(client, team, identify):
    a = identify(team["pathway"], BarrierDomain.MOBILITY)
    b = identify(team["pathway"], BarrierDomain.HOUSING)
    client.force_login(team["counsellor"])
    response = client.post(url(team["pathway"]), {field(a): "1", field(b): "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "le rang 1 est donné à plusieurs freins (Logement, Mobilité)" in html
    a.refresh_from_db()
    assert a.person_priority is None


def test_an_out_of_range_rank_is_refused(client, team, identify):
    a = identify(team["pathway"], BarrierDomain.MOBILITY)
    client.force_login(team["counsellor"])
    response = client.post(url(team["pathway"]), {field(a): "5"})
    assert response.status_code == 200
    assert field(a) in response.context["ranking_form"].errors


def test_get_is_not_allowed(client, team):
    client.force_login(team["counsellor"])
    assert client.get(url(team["pathway"])).status_code == 405


def test_a_job_coach_gets_403(client, team, member, identify):
    a = identify(team["pathway"])
    client.force_login(member(Role.JOB_COACH))
    assert client.post(url(team["pathway"]), {field(a): "1"}).status_code == 403


def test_a_supervisor_outside_the_team_gets_404(client, team, member):
    client.force_login(member(Role.SUPERVISOR))
    assert client.post(url(team["pathway"]), {}).status_code == 404


def test_it_refuses_another_structures_pathway(client, team, member, identify):
    a = identify(team["pathway"])
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    assert client.post(url(team["pathway"]), {field(a): "1"}).status_code == 404
    a.refresh_from_db()
    assert a.person_priority is None
