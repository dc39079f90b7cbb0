import uuid

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.core.tests.helpers import with_token
from tremplin.structures.factories import StructureFactory, WorksiteFactory

pytestmark = pytest.mark.django_db


def url(worksite) -> str:
    return reverse("structures:worksite_edit", kwargs={"public_id": worksite.public_id})


def data(worksite, **overrides) -> dict:
    payload = {
        "name": worksite.name,
        "activity": worksite.activity,
        "address": "",
        "postcode": "",
        "city": "",
        "capacity": str(worksite.capacity),
        "is_active": "on",
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def worksite(structure):
    return WorksiteFactory(structure=structure, name="Maraîchage")


def test_anonymous_visitors_are_sent_to_sign_in(client, worksite):
    assert client.get(url(worksite)).status_code == 302


def test_it_edits_the_worksite(client, member, structure, worksite):
    supervisor = MembershipFactory(structure=structure, role=Role.SUPERVISOR).user
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(worksite)).status_code == 200
    payload = data(worksite, activity="Maraîchage biologique", capacity="8", supervisors=[supervisor.pk])
    del payload["is_active"]
    response = client.post(url(worksite), with_token(client, url(worksite), payload))
    assert response.status_code == 302
    worksite.refresh_from_db()
    assert (worksite.activity, worksite.capacity, worksite.is_active) == ("Maraîchage biologique", 8, False)
    assert list(worksite.supervisors.all()) == [supervisor]


def test_keeping_its_own_name_is_fine_but_not_a_siblings(client, member, structure, worksite):
    WorksiteFactory(structure=structure, name="Bâtiment")
    client.force_login(member(Role.DIRECTOR))
    assert client.post(url(worksite), with_token(client, url(worksite), data(worksite))).status_code == 302
    response = client.post(url(worksite), with_token(client, url(worksite), data(worksite, name="BÂTIMENT")))
    assert response.status_code == 200
    assert "porte déjà le nom" in response.context["form"].errors["name"][0]
    worksite.refresh_from_db()
    assert worksite.name == "Maraîchage"


def test_a_member_of_another_structure_gets_404(client, member, worksite):
    client.force_login(member(Role.DIRECTOR, structure_=StructureFactory()))
    assert client.get(url(worksite)).status_code == 404
    assert client.post(url(worksite), data(worksite, name="Volé")).status_code == 404
    worksite.refresh_from_db()
    assert worksite.name == "Maraîchage"


def test_an_unknown_identifier_gets_404(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(reverse("structures:worksite_edit", kwargs={"public_id": uuid.uuid4()}))
    assert response.status_code == 404


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.PARTNER])
def test_roles_without_structure_management_get_403(client, member, worksite, role):
    client.force_login(member(role))
    assert client.get(url(worksite)).status_code == 403
    assert client.post(url(worksite), data(worksite, name="Autre")).status_code == 403


def test_a_supervisor_of_another_structure_cannot_be_assigned(client, member, worksite):
    outsider = MembershipFactory(structure=StructureFactory(), role=Role.SUPERVISOR).user
    client.force_login(member(Role.DIRECTOR))
    response = client.post(url(worksite), data(worksite, supervisors=[outsider.pk]))
    assert response.status_code == 200
    assert "supervisors" in response.context["form"].errors
    assert not worksite.supervisors.exists()
