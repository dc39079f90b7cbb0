"""contracts:renew — a renewal starts the day after the previous planned end; limits count from the first contract."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import Contract, ContractStatus
from tremplin.core.dates import add_months
from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory, WorksiteFactory

pytestmark = pytest.mark.django_db


def url(contract):
    return reverse("contracts:renew", args=[contract.public_id])


def data(chain_start, months, **extra):
    values = {
        "planned_end_date": (add_months(chain_start, months) - datetime.timedelta(days=1)).isoformat(),
        "weekly_hours": "26",
        "position": "Agent·e de maraîchage",
        "worksite": "",
        "reduced_hours_reason": "",
        "extension_reason": "",
    }
    values.update(extra)
    return values


def years_ago(today, years):
    return add_months(today, -12 * years)


@pytest.fixture
def previous(make_contract, today):
    return make_contract(months=12, person={"birth_date": years_ago(today, 35)})


def test_it_shows_the_fixed_start_date_and_prefills_the_previous_terms(client, counsellor, previous):
    client.force_login(counsellor)
    response = client.get(url(previous))
    content = response.content.decode()
    start = previous.planned_end_date + datetime.timedelta(days=1)
    assert f"{start:%d/%m/%Y}, le lendemain de la fin prévue du contrat précédent." in content
    assert 'name="start_date"' not in content
    assert response.context["form"]["position"].value() == previous.position


def test_it_renews_within_twenty_four_months(client, counsellor, previous):
    client.force_login(counsellor)
    response = client.post(url(previous), data(previous.start_date, 24))
    renewal = Contract.objects.get(renews=previous)
    assert response.status_code == 302
    assert response.url == reverse("contracts:detail", args=[renewal.public_id])
    assert renewal.start_date == previous.planned_end_date + datetime.timedelta(days=1)
    assert renewal.planned_end_date == add_months(previous.start_date, 24) - datetime.timedelta(days=1)
    previous.refresh_from_db()
    assert previous.status == ContractStatus.RENEWED


def test_a_renewal_beyond_twenty_four_months_in_total_is_refused(client, counsellor, previous):
    client.force_login(counsellor)
    response = client.post(url(previous), data(previous.start_date, 25))
    assert response.status_code == 200
    [error] = response.context["form"].errors["planned_end_date"]
    assert "durent au plus 24 mois au total" in error
    assert not Contract.objects.filter(renews=previous).exists()
    previous.refresh_from_db()
    assert previous.status == ContractStatus.ACTIVE


def test_the_limit_counts_from_the_first_contract_of_the_chain(client, counsellor, make_contract):
    first = make_contract(months=12, status=ContractStatus.RENEWED)
    second = ContractFactory(
        pathway=first.pathway,
        renews=first,
        start_date=first.planned_end_date + datetime.timedelta(days=1),
        planned_end_date=add_months(first.start_date, 18) - datetime.timedelta(days=1),
    )
    client.force_login(counsellor)
    response = client.post(url(second), data(first.start_date, 25))
    assert "durent au plus 24 mois au total" in response.context["form"].errors["planned_end_date"][0]
    assert client.post(url(second), data(first.start_date, 24)).status_code == 302


def test_a_person_aged_fifty_or_more_may_be_extended_up_to_sixty_months(client, counsellor, make_contract, today):
    previous = make_contract(
        months=24, start=today - datetime.timedelta(days=700), person={"birth_date": years_ago(today, 55)}
    )
    client.force_login(counsellor)
    response = client.post(url(previous), data(previous.start_date, 60, extension_reason="age_disability"))
    assert response.status_code == 302
    renewal = Contract.objects.get(renews=previous)
    assert renewal.extension_reason == "age_disability"
    assert renewal.planned_end_date == add_months(previous.start_date, 60) - datetime.timedelta(days=1)


def test_even_extended_a_chain_cannot_pass_sixty_months(client, counsellor, make_contract, today):
    previous = make_contract(
        months=24, start=today - datetime.timedelta(days=700), person={"birth_date": years_ago(today, 55)}
    )
    client.force_login(counsellor)
    response = client.post(url(previous), data(previous.start_date, 61, extension_reason="age_disability"))
    assert "ne peuvent pas dépasser 60 mois" in response.context["form"].errors["planned_end_date"][0]
    assert not Contract.objects.filter(renews=previous).exists()


def test_the_age_extension_is_refused_to_a_younger_person(client, counsellor, previous):
    client.force_login(counsellor)
    response = client.post(url(previous), data(previous.start_date, 36, extension_reason="age_disability"))
    assert "ne s'applique qu'à une personne de 50 ans ou plus" in response.context["form"].errors["extension_reason"][0]
    assert not Contract.objects.filter(renews=previous).exists()


def test_a_renewal_overlapping_another_contract_is_refused_at_the_top_of_the_form(client, counsellor, previous):
    ContractFactory(
        pathway=PathwayFactory(person=previous.pathway.person, programme=previous.pathway.programme),
        start_date=previous.planned_end_date + datetime.timedelta(days=30),
        planned_end_date=previous.planned_end_date + datetime.timedelta(days=60),
    )
    client.force_login(counsellor)
    response = client.post(url(previous), data(previous.start_date, 18))
    assert response.status_code == 200
    assert "chevauchent un autre contrat" in response.context["form"].non_field_errors()[0]
    assert "chevauchent un autre contrat" in response.content.decode()
    assert not Contract.objects.filter(renews=previous).exists()


def test_a_new_worksite_moves_the_pathway_to_it(client, counsellor, previous, structure):
    worksite = WorksiteFactory(structure=structure)
    client.force_login(counsellor)
    client.post(url(previous), data(previous.start_date, 18, worksite=str(worksite.pk)))
    previous.pathway.refresh_from_db()
    assert previous.pathway.worksite == worksite


def test_a_contract_already_renewed_cannot_be_renewed_again(client, counsellor, previous):
    ContractFactory(
        pathway=previous.pathway,
        renews=previous,
        start_date=previous.planned_end_date + datetime.timedelta(days=1),
        planned_end_date=previous.planned_end_date + datetime.timedelta(days=90),
    )
    client.force_login(counsellor)
    response = client.get(url(previous))
    assert "Seul un contrat en cours, non encore renouvelé, peut être renouvelé." in response.content.decode()
    client.post(url(previous), data(previous.start_date, 18))
    assert Contract.objects.count() == 2


def test_an_ended_contract_cannot_be_renewed(client, counsellor, make_contract):
    ended = make_contract(status=ContractStatus.ENDED_EARLY)
    client.force_login(counsellor)
    assert client.post(url(ended), data(ended.start_date, 18)).status_code == 200
    assert Contract.objects.count() == 1


def test_get_changes_nothing(client, counsellor, previous):
    client.force_login(counsellor)
    client.get(url(previous), data(previous.start_date, 18))
    assert Contract.objects.count() == 1


def test_it_refuses_another_structures_contract(client, counsellor, make_contract):
    foreign = make_contract(person={"structure_": StructureFactory()})
    client.force_login(counsellor)
    assert client.get(url(foreign)).status_code == 404
    assert client.post(url(foreign), data(foreign.start_date, 18)).status_code == 404
    assert Contract.objects.count() == 1


@pytest.mark.parametrize(
    ("role", "in_team", "expected"),
    [
        (Role.SUPERVISOR, True, 403),
        (Role.JOB_COACH, False, 403),
        (Role.PARTNER, False, 404),
        (Role.SUPERVISOR, False, 404),
    ],
    ids=["supervisor_of_the_team", "job_coach", "partner", "supervisor_outside_the_team"],
)
def test_roles_that_may_not_act_are_refused_and_strangers_to_the_person_not_found(
    client, member, previous, role, in_team, expected
):
    user = member(role)
    if in_team:
        previous.pathway.supervisor = user
        previous.pathway.save()
    client.force_login(user)
    assert client.get(url(previous)).status_code == expected
    assert client.post(url(previous), data(previous.start_date, 18)).status_code == expected
    assert Contract.objects.count() == 1
