import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.middleware import SESSION_KEY
from tremplin.accounts.roles import Role
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db
URL = reverse("accounts:switch_structure")


@pytest.fixture
def user_in_two_structures(structure):
    first = MembershipFactory(structure=structure, role=Role.DIRECTOR)
    other = StructureFactory(name="Zèbre Insertion")
    MembershipFactory(user=first.user, structure=other, role=Role.COUNSELLOR)
    return first.user, other


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


def test_it_lists_only_the_users_active_structures_with_their_role(client, user_in_two_structures, structure):
    user, other = user_in_two_structures
    former = StructureFactory(name="Ancienne structure")
    MembershipFactory(user=user, structure=former, is_active=False)
    StructureFactory(name="Structure étrangère")
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert structure.name in content and other.name in content
    assert "Conseiller·ère en insertion (CIP)" in content and "Direction" in content
    assert "Ancienne structure" not in content
    assert "Structure étrangère" not in content
    assert SESSION_KEY not in client.session  # GET changes nothing


def test_a_partner_may_switch_too(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 200


def test_it_makes_the_chosen_structure_current(client, user_in_two_structures):
    user, other = user_in_two_structures
    client.force_login(user)
    response = client.post(URL, {"structure": str(other.public_id)})
    assert response.status_code == 302
    assert response.url == "/"
    assert client.session[SESSION_KEY] == str(other.public_id)
    response = client.get(URL)
    assert response.context["current"].structure == other


def test_it_refuses_a_structure_the_user_does_not_belong_to(client, user_in_two_structures):
    user, _ = user_in_two_structures
    stranger = StructureFactory()
    client.force_login(user)
    response = client.post(URL, {"structure": str(stranger.public_id)})
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


def test_it_refuses_a_structure_where_the_membership_ended(client, user_in_two_structures):
    user, other = user_in_two_structures
    user.memberships.filter(structure=other).update(is_active=False)
    client.force_login(user)
    assert client.post(URL, {"structure": str(other.public_id)}).status_code == 404


def test_it_refuses_a_malformed_identifier(client, user_in_two_structures):
    user, _ = user_in_two_structures
    client.force_login(user)
    assert client.post(URL, {"structure": "12"}).status_code == 404
    assert client.post(URL, {}).status_code == 404
