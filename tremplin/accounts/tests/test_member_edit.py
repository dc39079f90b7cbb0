import uuid

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.core.tests.helpers import with_token
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(membership: Membership) -> str:
    return reverse("accounts:member_edit", kwargs={"public_id": membership.public_id})


def data(role=Role.COUNSELLOR, job_title="", is_active=True) -> dict:
    payload = {"role": role, "job_title": job_title}
    if is_active:
        payload["is_active"] = "on"
    return payload


@pytest.fixture
def director(structure):
    return MembershipFactory(structure=structure, role=Role.DIRECTOR)


@pytest.fixture
def counsellor(structure):
    return MembershipFactory(structure=structure, role=Role.COUNSELLOR)


def test_anonymous_visitors_are_sent_to_sign_in(client, counsellor):
    assert client.get(url(counsellor)).status_code == 302


def test_it_changes_role_job_title_and_state(client, director, counsellor):
    client.force_login(director.user)
    response = client.get(url(counsellor))
    assert response.status_code == 200
    response = client.post(
        url(counsellor),
        with_token(client, url(counsellor), data(Role.CASE_MANAGER, "Responsable des parcours", is_active=False)),
    )
    assert response.status_code == 302
    assert response.url == reverse("accounts:members")
    counsellor.refresh_from_db()
    assert (counsellor.role, counsellor.job_title, counsellor.is_active) == (
        Role.CASE_MANAGER,
        "Responsable des parcours",
        False,
    )


def test_a_member_of_another_structure_gets_404(client, counsellor):
    outsider = MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR)
    client.force_login(outsider.user)
    assert client.get(url(counsellor)).status_code == 404
    assert client.post(url(counsellor), data(Role.DIRECTOR)).status_code == 404
    counsellor.refresh_from_db()
    assert counsellor.role == Role.COUNSELLOR


def test_an_unknown_identifier_gets_404(client, director):
    client.force_login(director.user)
    assert client.get(reverse("accounts:member_edit", kwargs={"public_id": uuid.uuid4()})).status_code == 404


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.CASE_MANAGER, Role.PARTNER])
def test_roles_without_team_management_get_403(client, member, counsellor, role):
    client.force_login(member(role))
    assert client.get(url(counsellor)).status_code == 403
    assert client.post(url(counsellor), data(Role.DIRECTOR)).status_code == 403
    counsellor.refresh_from_db()
    assert counsellor.role == Role.COUNSELLOR


def test_it_refuses_to_demote_the_last_active_director(client, director):
    client.force_login(director.user)
    response = client.post(url(director), data(Role.COUNSELLOR))
    assert response.status_code == 200
    assert "au moins un membre actif de la direction" in response.context["form"].errors["role"][0]
    director.refresh_from_db()
    assert director.role == Role.DIRECTOR


def test_it_refuses_to_deactivate_the_last_active_director(client, director):
    client.force_login(director.user)
    response = client.post(url(director), data(Role.DIRECTOR, is_active=False))
    assert response.status_code == 200
    assert "au moins un membre actif de la direction" in response.context["form"].errors["is_active"][0]
    director.refresh_from_db()
    assert director.is_active


def test_an_inactive_director_does_not_count(client, structure, director):
    MembershipFactory(structure=structure, role=Role.DIRECTOR, is_active=False)
    client.force_login(director.user)
    response = client.post(url(director), data(Role.COUNSELLOR))
    assert "role" in response.context["form"].errors


def test_a_director_may_step_down_when_another_remains(client, structure, director):
    MembershipFactory(structure=structure, role=Role.DIRECTOR)
    client.force_login(director.user)
    assert client.post(url(director), with_token(client, url(director), data(Role.COUNSELLOR))).status_code == 302
    director.refresh_from_db()
    assert director.role == Role.COUNSELLOR


def test_an_admin_cannot_grant_the_direction_role_nor_change_a_director(client, structure, director, counsellor):
    admin = MembershipFactory(structure=structure, role=Role.ADMIN)
    MembershipFactory(structure=structure, role=Role.DIRECTOR)  # not the last one
    client.force_login(admin.user)

    response = client.post(url(counsellor), with_token(client, url(counsellor), data(Role.DIRECTOR)))
    assert "Seul un membre de la direction" in response.context["form"].errors["role"][0]
    response = client.post(url(admin), with_token(client, url(admin), data(Role.DIRECTOR)))
    assert "role" in response.context["form"].errors
    response = client.post(url(director), with_token(client, url(director), data(Role.DIRECTOR, is_active=False)))
    assert "Seul un membre de la direction" in response.context["form"].errors["is_active"][0]

    for membership, role in ((counsellor, Role.COUNSELLOR), (admin, Role.ADMIN), (director, Role.DIRECTOR)):
        membership.refresh_from_db()
        assert membership.role == role and membership.is_active

    # The job title of a director remains editable by the administration.
    edited = with_token(client, url(director), data(Role.DIRECTOR, job_title="Directrice"))
    assert client.post(url(director), edited).status_code == 302


def test_it_reports_an_unknown_role(client, director, counsellor):
    client.force_login(director.user)
    response = client.post(url(counsellor), data("king"))
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
