import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.contracts.models import ContractStatus
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import StructureFactory, WorksiteFactory

from .helpers import contracts_on

pytestmark = pytest.mark.django_db
URL = reverse("structures:worksites")


@pytest.fixture
def aci(structure):
    return ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_ACI)


def supervisor(structure, **user):
    return MembershipFactory(
        structure=structure, role=Role.SUPERVISOR, **{f"user__{k}": v for k, v in user.items()}
    ).user


def row_of(response, worksite):
    return next(row for row in response.context["rows"] if row.worksite.pk == worksite.pk)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.SUPERVISOR, Role.PARTNER])
def test_roles_without_structure_management_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403


def test_it_lists_worksites_with_people_in_contract_and_supervisors(client, member, structure, aci):
    worksite = WorksiteFactory(structure=structure, name="Maraîchage bio")
    worksite.supervisors.add(supervisor(structure, first_name="Paul", last_name="Leroy"))
    contracts_on(worksite, aci, 3)
    contracts_on(worksite, aci, 1, status=ContractStatus.SUSPENDED)
    contracts_on(worksite, aci, 2, status=ContractStatus.COMPLETED)
    client.force_login(member(Role.ADMIN))
    response = client.get(URL)
    assert response.status_code == 200
    row = row_of(response, worksite)
    assert row.worksite.workers == 4  # active and suspended contracts only
    assert row.worksite.supervisor_count == 1
    assert row.warning == ""
    content = response.content.decode()
    assert "Maraîchage bio" in content and "Paul Leroy" in content and "Conforme" in content


def test_it_never_shows_another_structures_worksites(client, member, structure):
    WorksiteFactory(structure=StructureFactory(), name="Chantier voisin")
    client.force_login(member(Role.DIRECTOR))
    assert "Chantier voisin" not in client.get(URL).content.decode()


def test_it_warns_in_words_when_a_worksite_exceeds_twelve_per_supervisor(client, member, structure, aci):
    crowded = WorksiteFactory(structure=structure, name="Bâtiment")
    crowded.supervisors.add(supervisor(structure))
    contracts_on(crowded, aci, 13)
    full = WorksiteFactory(structure=structure, name="Espaces verts")
    full.supervisors.add(supervisor(structure))
    contracts_on(full, aci, 12)
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    warning = row_of(response, crowded).warning
    assert warning.startswith("Taux d'encadrement dépassé")
    assert "13 personnes" in warning and "au plus 12 personnes par encadrant·e" in warning
    assert row_of(response, full).warning == ""
    assert warning.replace("'", "&#x27;") in response.content.decode()


def test_two_supervisors_lead_up_to_twenty_four(client, member, structure, aci):
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(supervisor(structure), supervisor(structure))
    contracts_on(worksite, aci, 13)
    client.force_login(member(Role.DIRECTOR))
    assert row_of(client.get(URL), worksite).warning == ""


def test_people_in_contract_without_any_supervisor_is_a_warning(client, member, structure, aci):
    worksite = WorksiteFactory(structure=structure)
    contracts_on(worksite, aci, 1)
    empty = WorksiteFactory(structure=structure)
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    assert "Aucun·e encadrant·e technique" in row_of(response, worksite).warning
    assert row_of(response, empty).warning == ""


def test_no_ratio_applies_without_an_active_programme_that_sets_one(client, member, structure):
    art60 = ProgrammeFactory(structure=structure, kind=ProgrammeKind.BE_ARTICLE_60)
    ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_ACI, is_active=False)
    worksite = WorksiteFactory(structure=structure)
    contracts_on(worksite, art60, 2)
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    assert response.context["limit"] is None
    assert row_of(response, worksite).warning == ""


def test_the_number_of_queries_does_not_grow_with_worksites(client, member, structure, aci, django_assert_num_queries):
    client.force_login(member(Role.DIRECTOR))

    def make(count):
        for _ in range(count):
            worksite = WorksiteFactory(structure=structure)
            worksite.supervisors.add(supervisor(structure))
            contracts_on(worksite, aci, 1)

    make(3)
    with django_assert_num_queries(9):
        assert client.get(URL).status_code == 200
    make(10)
    with django_assert_num_queries(9):
        response = client.get(URL)
    assert len(response.context["rows"]) == 13
