import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.programmes.models import Programme
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db
URL = reverse("programmes:create")


def valid(**overrides) -> dict:
    data = {
        "kind": ProgrammeKind.FR_ACI,
        "name": "ACI Recyclerie",
        "agreement_reference": "59-ACI-2025-001",
        "yearly_positive_exit_target": "60",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.post(URL, valid()).status_code == 302
    assert not Programme.objects.exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.SUPERVISOR, Role.PARTNER])
def test_roles_without_structure_management_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, valid()).status_code == 403
    assert not Programme.objects.exists()


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.ADMIN])
def test_it_creates_a_programme_in_the_current_structure(client, member, structure, role):
    client.force_login(member(role))
    response = client.post(URL, valid())
    assert response.status_code == 302
    assert response.url == reverse("programmes:list")
    programme = Programme.objects.get()
    assert programme.structure == structure
    assert (programme.kind, programme.name, programme.yearly_positive_exit_target) == (
        ProgrammeKind.FR_ACI,
        "ACI Recyclerie",
        60,
    )


@pytest.mark.parametrize(
    ("kind", "offered"),
    [
        ("ACI", {"fr_aci", "fr_ei", "fr_ai", "fr_etti"}),
        ("ETTI", {"fr_aci", "fr_ei", "fr_ai", "fr_etti"}),
        ("CPAS", {"be_art60"}),
        ("ART60_HOST", {"be_art60"}),
        ("COOP_B", {"it_coop_b"}),
    ],
)
def test_only_the_kinds_of_the_structures_country_are_offered(client, member, kind, offered):
    structure = StructureFactory(kind=kind)
    client.force_login(member(Role.DIRECTOR, structure_=structure))
    choices = {value for value, _ in client.get(URL).context["form"].fields["kind"].choices if value}
    assert choices == offered


def test_it_refuses_a_kind_of_another_country(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, valid(kind=ProgrammeKind.BE_ARTICLE_60))
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    assert not Programme.objects.exists()


@pytest.mark.parametrize("target", ["101", "-1", "250"])
def test_it_refuses_a_target_outside_0_to_100_percent(client, member, target):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, valid(yearly_positive_exit_target=target))
    assert response.status_code == 200
    assert "entre 0 et 100" in response.context["form"].errors["yearly_positive_exit_target"][0]
    assert not Programme.objects.exists()


@pytest.mark.parametrize("target", ["", "0", "100"])
def test_the_target_may_be_empty_or_any_percentage(client, member, target):
    client.force_login(member(Role.DIRECTOR))
    assert client.post(URL, valid(yearly_positive_exit_target=target)).status_code == 302


def test_it_reports_each_missing_field(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, valid(kind="", name="", yearly_positive_exit_target="beaucoup"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"kind", "name", "yearly_positive_exit_target"}
