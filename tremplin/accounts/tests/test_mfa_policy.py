"""A structure requiring the second factor: its members without one are sent to set it up."""

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.accounts.testing import force_login_verified
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db
ENROL = reverse("accounts:mfa_enrol")


@pytest.fixture
def strict(structure):
    structure.mfa_required = True
    structure.save()
    return structure


@pytest.mark.parametrize("role", list(Role))
def test_members_without_a_device_are_sent_to_set_one_up_with_the_reason(client, member, strict, role):
    client.force_login(member(role))
    response = client.get(reverse("dashboards:home"))
    assert response.status_code == 302
    assert response.url.startswith(ENROL)
    response = client.get(response.url)
    assert response.status_code == 200
    assert "exige la double authentification" in response.content.decode()


def test_the_exempt_pages_stay_reachable(client, member, strict):
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(reverse("core:health")).status_code == 200
    assert client.post(reverse("accounts:logout")).url == reverse("accounts:login")


def test_a_verified_member_works_normally(client, member, strict):
    force_login_verified(client, member(Role.COUNSELLOR))
    assert client.get(reverse("dashboards:home")).status_code == 200


def test_a_strict_second_structure_is_enough(client, member):
    user = member(Role.COUNSELLOR)
    MembershipFactory(user=user, structure=StructureFactory(mfa_required=True))
    client.force_login(user)
    response = client.get(reverse("dashboards:home"))
    assert response.url.startswith(ENROL)


def test_structures_without_the_policy_do_not_ask(client, member):
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(reverse("dashboards:home")).status_code == 200
