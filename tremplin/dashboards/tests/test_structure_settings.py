import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.accounts.testing import force_login_verified
from tremplin.core.tests.helpers import with_token
from tremplin.structures.factories import StructureFactory
from tremplin.structures.models import StructureKind

pytestmark = pytest.mark.django_db
URL = reverse("structures:settings")


def valid(**overrides) -> dict:
    data = {
        "name": "Les Jardins du Nord",
        "registration_number": "123 456 789 00012",
        "address": "1 rue des Serres",
        "postcode": "59100",
        "city": "Roubaix",
        "phone": "03 20 00 00 00",
        "email": "contact@jardins.example",
        "total_workers": "42",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.SUPERVISOR, Role.JOB_COACH, Role.PARTNER])
def test_roles_without_structure_management_are_refused(client, member, structure, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, valid()).status_code == 403
    structure.refresh_from_db()
    assert structure.name != "Les Jardins du Nord"


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.ADMIN])
def test_it_saves_the_structure_details(client, member, structure, role):
    client.force_login(member(role))
    response = client.post(URL, with_token(client, URL, valid()))
    assert response.status_code == 302
    assert response.url == URL
    structure.refresh_from_db()
    assert structure.name == "Les Jardins du Nord"
    assert structure.total_workers == 42
    assert structure.email == "contact@jardins.example"


def test_it_shows_the_kind_without_letting_it_change(client, member, structure):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    assert "Atelier et chantier d&#x27;insertion (ACI)" in response.content.decode()
    assert "kind" not in response.context["form"].fields
    client.post(URL, with_token(client, URL, valid(kind=StructureKind.COOP_B)))
    structure.refresh_from_db()
    assert structure.kind == StructureKind.ACI


def test_it_only_changes_the_users_own_structure(client, member, structure):
    other = StructureFactory(name="Autre structure")
    client.force_login(member(Role.DIRECTOR, structure_=other))
    client.post(URL, with_token(client, URL, valid()))
    structure.refresh_from_db()
    other.refresh_from_db()
    assert structure.name != "Les Jardins du Nord"
    assert other.name == "Les Jardins du Nord"


def test_it_reports_bad_fields_and_saves_nothing(client, member, structure):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, valid(name="", email="pas-une-adresse", total_workers="-3", phone="abc"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "email", "total_workers", "phone"}
    structure.refresh_from_db()
    assert structure.email == ""


def test_the_director_sets_the_mfa_policy(client, member, structure):
    client.force_login(member(Role.DIRECTOR))
    assert "mfa_required" in client.get(URL).context["form"].fields
    client.post(URL, with_token(client, URL, valid(mfa_required="on")))
    structure.refresh_from_db()
    assert structure.mfa_required is True


def test_the_administration_sees_the_mfa_policy_without_changing_it(client, member, structure):
    structure.mfa_required = True
    structure.save()
    force_login_verified(client, member(Role.ADMIN))
    response = client.get(URL)
    assert "mfa_required" not in response.context["form"].fields
    assert "seule la direction peut modifier ce réglage" in response.content.decode()
    client.post(URL, with_token(client, URL, valid()))  # an unticked box would switch it off if the field were accepted
    structure.refresh_from_db()
    assert structure.mfa_required is True
