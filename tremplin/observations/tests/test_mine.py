import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

URL = reverse("observations:mine")


def test_the_supervisor_sees_who_acknowledged_their_observation(client, supervisor, counsellor, team_pathway):
    ObservationFactory(
        pathway=team_pathway,
        author=supervisor,
        needs_social_follow_up=True,
        acknowledged_by=counsellor,
        acknowledged_at=timezone.now(),
    )
    client.force_login(supervisor)
    body = client.get(URL).content.decode()
    assert f"Vue par {counsellor.get_full_name()}" in body


def test_it_lists_only_the_authors_own_observations(client, supervisor, member, team_pathway):
    ObservationFactory(pathway=team_pathway, author=supervisor, text="La mienne")
    ObservationFactory(pathway=team_pathway, author=member(Role.SUPERVISOR), text="Une autre")
    client.force_login(supervisor)
    body = client.get(URL).content.decode()
    assert "La mienne" in body
    assert "Une autre" not in body


def test_it_ignores_observations_written_in_another_structure(client, supervisor, other_structure_pathway):
    ObservationFactory(pathway=other_structure_pathway, author=supervisor, text="Ailleurs")
    client.force_login(supervisor)
    assert "Ailleurs" not in client.get(URL).content.decode()


@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH, Role.DPO])
def test_roles_that_do_not_write_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403


def test_a_partner_gets_404(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, structure, supervisor, count, django_assert_num_queries):
    for _ in range(count):
        pathway = PathwayFactory(
            person=PersonFactory(structure=structure), status=Status.IN_CONTRACT, supervisor=supervisor
        )
        ObservationFactory(pathway=pathway, author=supervisor)
    client.force_login(supervisor)
    with django_assert_num_queries(7):
        client.get(URL)
