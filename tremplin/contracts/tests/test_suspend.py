"""contracts:suspend — recording a period when the contract is suspended."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.contracts.factories import SuspensionFactory
from tremplin.contracts.models import ContractStatus, Suspension
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(contract):
    return reverse("contracts:suspend", args=[contract.public_id])


def data(start, end, reason="Arrêt maladie"):
    return {"start_date": start.isoformat(), "end_date": end.isoformat(), "reason": reason}


def test_it_records_a_suspension(client, counsellor, make_contract, today):
    contract = make_contract()
    client.force_login(counsellor)
    response = client.post(url(contract), data(today, today + datetime.timedelta(days=14)))
    assert response.status_code == 302
    assert response.url == reverse("contracts:detail", args=[contract.public_id])
    suspension = Suspension.objects.get(contract=contract)
    assert (suspension.reason, suspension.recorded_by) == ("Arrêt maladie", counsellor)


def test_an_end_before_the_start_is_refused_on_the_end(client, counsellor, make_contract, today):
    contract = make_contract()
    client.force_login(counsellor)
    response = client.post(url(contract), data(today, today - datetime.timedelta(days=1)))
    assert response.context["form"].errors["end_date"] == [
        "La fin de la suspension doit être égale ou postérieure à son début."
    ]
    assert not Suspension.objects.exists()


def test_a_start_outside_the_contract_is_refused(client, counsellor, make_contract):
    contract = make_contract()
    client.force_login(counsellor)
    before = contract.start_date - datetime.timedelta(days=3)
    response = client.post(url(contract), data(before, contract.start_date))
    assert response.context["form"].errors["start_date"] == ["La suspension doit commencer pendant le contrat."]
    assert not Suspension.objects.exists()


def test_a_suspension_cannot_outlast_the_contract(client, counsellor, make_contract):
    contract = make_contract()
    client.force_login(counsellor)
    response = client.post(
        url(contract), data(contract.planned_end_date, contract.planned_end_date + datetime.timedelta(days=10))
    )
    assert "au-delà de la fin du contrat" in response.context["form"].errors["end_date"][0]
    assert not Suspension.objects.exists()


def test_an_overlapping_suspension_is_refused(client, counsellor, make_contract, today):
    contract = make_contract()
    SuspensionFactory(contract=contract, start_date=today, end_date=today + datetime.timedelta(days=5))
    client.force_login(counsellor)
    response = client.post(url(contract), data(today + datetime.timedelta(days=3), today + datetime.timedelta(days=9)))
    assert "chevauche une suspension" in response.context["form"].errors["start_date"][0]
    assert Suspension.objects.count() == 1


def test_missing_values_are_refused_on_their_fields(client, counsellor, make_contract):
    client.force_login(counsellor)
    response = client.post(url(make_contract()), {"start_date": "", "end_date": "demain", "reason": ""})
    assert set(response.context["form"].errors) == {"start_date", "end_date", "reason"}


def test_a_contract_no_longer_running_cannot_be_suspended(client, counsellor, make_contract, today):
    contract = make_contract(status=ContractStatus.ENDED_EARLY, ended_on=today)
    client.force_login(counsellor)
    response = client.get(url(contract))
    assert "Seul un contrat en cours peut être suspendu." in response.content.decode()
    client.post(url(contract), data(today, today))
    assert not Suspension.objects.exists()


def test_get_changes_nothing(client, counsellor, make_contract, today):
    contract = make_contract()
    client.force_login(counsellor)
    assert client.get(url(contract), data(today, today)).status_code == 200
    assert not Suspension.objects.exists()


def test_it_refuses_another_structures_contract(client, counsellor, make_contract, today):
    foreign = make_contract(person={"structure_": StructureFactory()})
    client.force_login(counsellor)
    assert client.get(url(foreign)).status_code == 404
    assert client.post(url(foreign), data(today, today)).status_code == 404
    assert not Suspension.objects.exists()


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
    client, member, make_contract, role, in_team, expected, today
):
    contract = make_contract()
    user = member(role)
    if in_team:
        contract.pathway.supervisor = user
        contract.pathway.save()
    client.force_login(user)
    assert client.get(url(contract)).status_code == expected
    assert client.post(url(contract), data(today, today)).status_code == expected
    assert not Suspension.objects.exists()
