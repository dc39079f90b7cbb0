import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.observations.factories import ObservationFactory


def url(pathway):
    return reverse("observations:list", args=[pathway.public_id])


@pytest.fixture
def observations(team_pathway):
    ObservationFactory(pathway=team_pathway, text="Pour toute la team")
    ObservationFactory(pathway=team_pathway, text="Réservée au social", visibility=Visibility.SOCIAL_STAFF_ONLY)


def test_the_team_supervisor_reads_whole_team_observations_only(client, supervisor, team_pathway, observations):
    client.force_login(supervisor)
    response = client.get(url(team_pathway))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pour toute la team" in body
    assert "Réservée au social" not in body
    assert AccessLogEntry.objects.filter(person_public_id=team_pathway.person.public_id, part="observations").exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR])
def test_the_social_staff_read_everything(client, member, role, team_pathway, observations):
    client.force_login(member(role))
    body = client.get(url(team_pathway)).content.decode()
    assert "Pour toute la team" in body
    assert "Réservée au social" in body


def test_a_supervisor_outside_the_team_gets_404(client, supervisor, outside_pathway):
    client.force_login(supervisor)
    assert client.get(url(outside_pathway)).status_code == 404


def test_it_refuses_another_structures_member(client, member, other_structure_pathway):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(other_structure_pathway)).status_code == 404


@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH, Role.DPO])
def test_readers_without_the_writing_role_get_403(client, member, role, team_pathway):
    client.force_login(member(role))
    assert client.get(url(team_pathway)).status_code == 403


def test_a_partner_gets_404(client, member, team_pathway):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(team_pathway)).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, counsellor, team_pathway, count, django_assert_num_queries):
    for _ in range(count):
        ObservationFactory(pathway=team_pathway)
    client.force_login(counsellor)
    with django_assert_num_queries(12):
        client.get(url(team_pathway))


def test_the_person_page_links_to_the_observations(client, counsellor, team_pathway):
    client.force_login(counsellor)
    body = client.get(reverse("people:detail", args=[team_pathway.person.public_id])).content.decode()
    assert url(team_pathway) in body
