import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db
URL = reverse("programmes:list")


def row_of(response, programme):
    return next(row for row in response.context["rows"] if row.programme.pk == programme.pk)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.SUPERVISOR, Role.JOB_COACH, Role.PARTNER])
def test_roles_without_structure_management_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403


def test_it_lists_the_programmes_with_a_summary_of_their_rules(client, member, structure):
    aci = ProgrammeFactory(
        structure=structure,
        kind=ProgrammeKind.FR_ACI,
        name="ACI Maraîchage",
        agreement_reference="CONV-2025-12",
        yearly_positive_exit_target=60,
    )
    ei = ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_EI, name="EI Bâtiment", is_active=False)
    client.force_login(member(Role.ADMIN))
    response = client.get(URL)
    assert response.status_code == 200
    aci_rules = row_of(response, aci).rules
    criteria = len(aci.rules.criteria)
    assert aci_rules == [
        f"{criteria} critères d'éligibilité",
        "éligibilité valable 6 mois",
        "au plus 12 personnes par encadrant·e technique",
    ]
    assert len(row_of(response, ei).rules) == 2  # no supervision ratio outside the ACI
    content = response.content.decode()
    for text in ("ACI Maraîchage", "CONV-2025-12", "60 %", "EI Bâtiment", "Inactif", "12 personnes par encadrant·e"):
        assert text in content


def test_it_summarises_belgian_and_italian_rules_too(client, member):
    cpas = StructureFactory(kind="CPAS")
    coop = StructureFactory(kind="COOP_B")
    art60 = ProgrammeFactory(structure=cpas, kind=ProgrammeKind.BE_ARTICLE_60)
    coop_b = ProgrammeFactory(structure=coop, kind=ProgrammeKind.IT_COOP_B)
    for structure, programme in ((cpas, art60), (coop, coop_b)):
        rules = programme.rules
        client.force_login(member(Role.DIRECTOR, structure_=structure))
        assert row_of(client.get(URL), programme).rules == [
            f"{len(rules.criteria)} critères d'éligibilité",
            f"éligibilité valable {rules.eligibility_validity_months} mois",
        ]


def test_it_never_shows_another_structures_programmes(client, member):
    ProgrammeFactory(structure=StructureFactory(), name="Dispositif voisin")
    client.force_login(member(Role.DIRECTOR))
    assert "Dispositif voisin" not in client.get(URL).content.decode()


def test_the_number_of_queries_does_not_grow_with_programmes(client, member, structure, django_assert_num_queries):
    client.force_login(member(Role.DIRECTOR))
    ProgrammeFactory.create_batch(3, structure=structure)
    with django_assert_num_queries(7):
        assert client.get(URL).status_code == 200
    ProgrammeFactory.create_batch(10, structure=structure, kind=ProgrammeKind.FR_AI)
    with django_assert_num_queries(7):
        response = client.get(URL)
    assert len(response.context["rows"]) == 13
