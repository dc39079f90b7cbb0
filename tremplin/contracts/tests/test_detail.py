"""contracts:detail — the contract, its renewals, suspensions, early end and the actions its state allows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.contracts.models import ContractStatus, EarlyEndReason
from tremplin.structures.factories import StructureFactory, WorksiteFactory

pytestmark = pytest.mark.django_db


def url(contract):
    return reverse("contracts:detail", args=[contract.public_id])


def action_urls(contract):
    return {name: reverse(f"contracts:{name}", args=[contract.public_id]) for name in ("renew", "suspend", "end")}


def test_it_shows_the_contract_terms(client, counsellor, make_contract, structure):
    contract = make_contract(
        worksite=WorksiteFactory(structure=structure, name="Recyclerie"),
        position="Valoriste",
        reduced_hours_reason="Garde d'enfants",
    )
    client.force_login(counsellor)
    response = client.get(url(contract))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1>") == 1
    for text in ("Valoriste", "Recyclerie", "En cours", "26", "Garde d&#x27;enfants"):
        assert text in content
    assert contract.start_date.strftime("%d/%m/%Y") in content
    assert contract.planned_end_date.strftime("%d/%m/%Y") in content


def test_a_running_contract_offers_renewal_suspension_and_early_end(client, counsellor, make_contract):
    contract = make_contract()
    client.force_login(counsellor)
    content = client.get(url(contract)).content.decode()
    assert all(link in content for link in action_urls(contract).values())


def test_an_ended_contract_shows_the_early_end_and_offers_no_action(client, counsellor, make_contract, today):
    contract = make_contract(
        status=ContractStatus.ENDED_EARLY,
        ended_on=today,
        early_end_reason=EarlyEndReason.HIRED,
        early_end_comment="CDI chez un paysagiste",
    )
    client.force_login(counsellor)
    content = client.get(url(contract)).content.decode()
    assert "Rupture avant terme" in content
    assert "Embauche en contrat durable ou de transition" in content
    assert "CDI chez un paysagiste" in content
    assert not any(link in content for link in action_urls(contract).values())


def test_it_shows_the_chain_of_renewals_from_either_end(client, counsellor, make_contract):
    first = make_contract(status=ContractStatus.RENEWED, position="Contrat initial")
    second = ContractFactory(
        pathway=first.pathway,
        renews=first,
        start_date=first.planned_end_date + datetime.timedelta(days=1),
        planned_end_date=first.planned_end_date + datetime.timedelta(days=180),
        position="Renouvellement",
    )
    client.force_login(counsellor)
    first_page = client.get(url(first)).content.decode()
    assert "Renouvelé par" in first_page and url(second) in first_page
    assert action_urls(first)["renew"] not in first_page
    assert "Contrats successifs" in first_page
    second_page = client.get(url(second)).content.decode()
    assert "Renouvelle" in second_page and url(first) in second_page
    table = second_page[second_page.index("Contrats successifs") :]
    assert table.index("Contrat initial") < table.index('Renouvellement <span class="badge">ce contrat</span>')
    assert action_urls(second)["renew"] in second_page


def test_it_lists_suspensions_in_constant_queries(client, counsellor, make_contract, django_assert_num_queries):
    contract = make_contract()
    SuspensionFactory(contract=contract, reason="Arrêt maladie")
    client.force_login(counsellor)
    with CaptureQueriesContext(connection) as one:
        content = client.get(url(contract)).content.decode()
    assert "Arrêt maladie" in content
    for days in (40, 60, 80):
        SuspensionFactory(
            contract=contract, start_date=contract.start_date + datetime.timedelta(days=days), reason="Congé"
        )
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url(contract))


def test_it_refuses_another_structures_contract(client, counsellor, make_contract):
    foreign = make_contract(person={"structure_": StructureFactory()})
    client.force_login(counsellor)
    assert client.get(url(foreign)).status_code == 404


@pytest.mark.parametrize(("role", "in_team"), [(Role.SUPERVISOR, True), (Role.JOB_COACH, False)])
def test_staff_who_see_the_person_read_the_contract_without_actions_or_private_reasons(
    client, member, make_contract, role, in_team, today
):
    contract = make_contract(reduced_hours_reason="Soins réguliers à l'hôpital", weekly_hours="18")
    user = member(role)
    if in_team:
        contract.pathway.supervisor = user
        contract.pathway.save()
    client.force_login(user)
    response = client.get(url(contract))
    assert response.status_code == 200
    content = response.content.decode()
    assert contract.position in content
    assert "hôpital" not in content
    assert not any(link in content for link in action_urls(contract).values())


@pytest.mark.parametrize("role", [Role.PARTNER, Role.SUPERVISOR], ids=["partner", "supervisor_outside_the_team"])
def test_who_may_not_see_the_person_does_not_find_the_contract(client, member, make_contract, role):
    contract = make_contract()
    client.force_login(member(role))
    assert client.get(url(contract)).status_code == 404
