import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db
URL = reverse("accounts:members")


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.CASE_MANAGER, Role.JOB_COACH, Role.PARTNER])
def test_roles_without_team_management_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403


def test_a_user_without_any_structure_is_refused(client):
    from tremplin.accounts.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.ADMIN])
def test_it_lists_the_team_with_name_email_role_job_and_state(client, member, structure, role):
    manager = member(role)
    MembershipFactory(
        structure=structure,
        role=Role.SUPERVISOR,
        job_title="Encadrant maraîchage",
        is_active=False,
        user__first_name="Léa",
        user__last_name="Durand",
        user__email="lea@example.org",
    )
    client.force_login(manager)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    for text in (
        "Léa Durand",
        "lea@example.org",
        "Encadrant·e technique",
        "Encadrant maraîchage",
        "Inactif",
        manager.email,
    ):
        assert text in content


def test_it_never_shows_members_of_another_structure(client, member):
    other = StructureFactory()
    stranger = MembershipFactory(structure=other, user__email="stranger@example.org")
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    assert "stranger@example.org" not in response.content.decode()
    assert stranger not in list(response.context["page"])


def test_it_paginates_by_25(client, member, structure):
    MembershipFactory.create_batch(30, structure=structure)
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    assert len(response.context["page"]) == 25
    assert len(client.get(URL + "?page=2").context["page"]) == 6


def test_the_number_of_queries_does_not_grow_with_the_team(client, member, structure, django_assert_num_queries):
    client.force_login(member(Role.DIRECTOR))
    MembershipFactory.create_batch(2, structure=structure)
    with django_assert_num_queries(7):
        assert client.get(URL).status_code == 200
    MembershipFactory.create_batch(10, structure=structure)
    with django_assert_num_queries(7):
        response = client.get(URL)
    assert response.context["page"].paginator.count == 13
