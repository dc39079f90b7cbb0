import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

URL = reverse("observations:inbox")


def test_a_counsellor_sees_flagged_observations_of_their_people_unread_first(client, counsellor, team_pathway):
    read = ObservationFactory(
        pathway=team_pathway, needs_social_follow_up=True, text="Déjà lue", acknowledged_at=timezone.now()
    )
    unread = ObservationFactory(pathway=team_pathway, needs_social_follow_up=True, text="Pas encore lue")
    ObservationFactory(pathway=team_pathway, needs_social_follow_up=False, text="Sans signalement")
    client.force_login(counsellor)
    response = client.get(URL)
    assert response.status_code == 200
    assert list(response.context["page"]) == [unread, read]
    assert response.context["unread"] == 1


def test_a_counsellor_does_not_see_people_they_do_not_follow(client, counsellor, outside_pathway):
    ObservationFactory(pathway=outside_pathway, needs_social_follow_up=True, text="Autre personne")
    client.force_login(counsellor)
    assert "Autre personne" not in client.get(URL).content.decode()


@pytest.mark.parametrize("role", [Role.CASE_MANAGER, Role.DIRECTOR])
def test_case_managers_and_directors_see_the_whole_structure(client, member, role, outside_pathway):
    ObservationFactory(pathway=outside_pathway, needs_social_follow_up=True, text="Autre personne")
    client.force_login(member(role))
    assert "Autre personne" in client.get(URL).content.decode()


def test_it_never_shows_another_structures_observations(client, member, other_structure_pathway):
    ObservationFactory(pathway=other_structure_pathway, needs_social_follow_up=True, text="Ailleurs")
    client.force_login(member(Role.DIRECTOR))
    assert "Ailleurs" not in client.get(URL).content.decode()


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN, Role.JOB_COACH, Role.DPO])
def test_other_roles_are_refused(client, member, role, team_pathway, supervisor):
    user = supervisor if role == Role.SUPERVISOR else member(role)
    client.force_login(user)
    assert client.get(URL).status_code == 403


def test_a_partner_gets_404(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 404


def test_post_is_not_allowed(client, counsellor):
    client.force_login(counsellor)
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, structure, counsellor, count, django_assert_num_queries):
    for _ in range(count):
        pathway = PathwayFactory(
            person=PersonFactory(structure=structure), status=Status.IN_CONTRACT, referent=counsellor
        )
        ObservationFactory(pathway=pathway, needs_social_follow_up=True, visibility=Visibility.WHOLE_TEAM)
    client.force_login(counsellor)
    # The same queries whatever the number of observations: one page of rows, with people and authors joined.
    with django_assert_num_queries(8):
        response = client.get(URL)
    assert len(response.context["page"]) == min(count, 25)
