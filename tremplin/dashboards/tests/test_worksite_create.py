import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.structures.factories import StructureFactory, WorksiteFactory
from tremplin.structures.models import Worksite

pytestmark = pytest.mark.django_db
URL = reverse("structures:worksite_create")


def valid(**overrides) -> dict:
    data = {
        "name": "Recyclerie",
        "activity": "Réemploi",
        "address": "2 rue du Port",
        "postcode": "59000",
        "city": "Lille",
        "capacity": "10",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.post(URL, valid()).status_code == 302
    assert not Worksite.objects.exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.CASE_MANAGER, Role.PARTNER])
def test_roles_without_structure_management_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, valid()).status_code == 403
    assert not Worksite.objects.exists()


def test_it_creates_a_worksite_in_the_current_structure_with_its_supervisors(client, member, structure):
    supervisor = MembershipFactory(structure=structure, role=Role.SUPERVISOR).user
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, valid(supervisors=[supervisor.pk]))
    assert response.status_code == 302
    assert response.url == reverse("structures:worksites")
    worksite = Worksite.objects.get()
    assert worksite.structure == structure
    assert (worksite.name, worksite.capacity, worksite.is_active) == ("Recyclerie", 10, True)
    assert list(worksite.supervisors.all()) == [supervisor]


def test_only_active_supervisors_of_the_structure_are_offered(client, member, structure):
    offered = MembershipFactory(structure=structure, role=Role.SUPERVISOR).user
    counsellor = MembershipFactory(structure=structure, role=Role.COUNSELLOR).user
    former = MembershipFactory(structure=structure, role=Role.SUPERVISOR, is_active=False).user
    elsewhere = MembershipFactory(structure=StructureFactory(), role=Role.SUPERVISOR).user
    client.force_login(member(Role.DIRECTOR))
    field = client.get(URL).context["form"].fields["supervisors"]
    assert list(field.queryset) == [offered]
    for refused in (counsellor, former, elsewhere):
        response = client.post(URL, valid(supervisors=[refused.pk]))
        assert response.status_code == 200
        assert "supervisors" in response.context["form"].errors
    assert not Worksite.objects.exists()


def test_it_refuses_a_name_already_used_in_the_structure_with_a_clear_message(client, member, structure):
    WorksiteFactory(structure=structure, name="Recyclerie")
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, valid(name="recyclerie"))
    assert response.status_code == 200
    assert "porte déjà le nom" in response.context["form"].errors["name"][0]
    assert Worksite.objects.count() == 1


def test_the_same_name_is_free_in_another_structure(client, member):
    WorksiteFactory(structure=StructureFactory(), name="Recyclerie")
    client.force_login(member(Role.DIRECTOR))
    assert client.post(URL, valid()).status_code == 302


def test_it_reports_each_bad_field(client, member):
    client.force_login(member(Role.ADMIN))
    response = client.post(URL, valid(name="", activity="", capacity="0"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "activity", "capacity"}
    assert not Worksite.objects.exists()


def test_the_supervisor_choices_are_a_labelled_group(client, member, structure):
    MembershipFactory(structure=structure, role=Role.SUPERVISOR, user__first_name="Inès", user__last_name="Roux")
    client.force_login(member(Role.DIRECTOR))
    content = client.get(URL).content.decode()
    assert "<legend" in content and "Encadrant·es techniques" in content
    assert 'for=""' not in content
    assert "Inès Roux" in content
