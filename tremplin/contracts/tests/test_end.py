"""contracts:end — ending a contract before its term moves the pathway to exited."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.contracts.models import ContractStatus, EarlyEndReason
from tremplin.pathways.models import Status
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(contract):
    return reverse("contracts:end", args=[contract.public_id])


def data(ended_on, reason=EarlyEndReason.HIRED, comment=""):
    return {"ended_on": ended_on.isoformat(), "reason": reason, "comment": comment}


def test_it_ends_the_contract_and_the_pathway_exits(client, counsellor, make_contract, today):
    contract = make_contract()
    client.force_login(counsellor)
    response = client.post(url(contract), data(today, comment="CDI dans une entreprise de paysage"))
    assert response.status_code == 302
    assert response.url == reverse("contracts:detail", args=[contract.public_id])
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ENDED_EARLY
    assert (contract.ended_on, contract.early_end_reason) == (today, EarlyEndReason.HIRED)
    assert contract.early_end_comment == "CDI dans une entreprise de paysage"
    contract.pathway.refresh_from_db()
    assert contract.pathway.status == Status.EXITED
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message == f"Contrat rompu le {today:%d/%m/%Y}. Le parcours passe au statut « Sorti·e »."


def test_it_proposes_today_as_the_end_date(client, counsellor, make_contract, today):
    client.force_login(counsellor)
    response = client.get(url(make_contract()))
    assert response.context["form"]["ended_on"].value() == today


def test_an_end_before_the_start_is_refused(client, counsellor, make_contract):
    contract = make_contract()
    client.force_login(counsellor)
    response = client.post(url(contract), data(contract.start_date - datetime.timedelta(days=1)))
    assert response.context["form"].errors["ended_on"] == [
        "La date de rupture ne peut pas précéder le début du contrat."
    ]
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ACTIVE
    assert contract.pathway.status == Status.IN_CONTRACT


def test_an_end_after_the_planned_end_is_refused(client, counsellor, make_contract):
    contract = make_contract()
    client.force_login(counsellor)
    response = client.post(url(contract), data(contract.planned_end_date + datetime.timedelta(days=1)))
    assert "doit précéder la fin prévue" in response.context["form"].errors["ended_on"][0]
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ACTIVE


def test_another_reason_needs_a_comment(client, counsellor, make_contract, today):
    contract = make_contract()
    client.force_login(counsellor)
    response = client.post(url(contract), data(today, reason=EarlyEndReason.OTHER))
    assert "précisez la raison" in response.context["form"].errors["comment"][0]
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ACTIVE


def test_an_unknown_reason_is_refused(client, counsellor, make_contract, today):
    client.force_login(counsellor)
    response = client.post(url(make_contract()), data(today, reason="vacances"))
    assert "reason" in response.context["form"].errors


def test_a_contract_already_ended_cannot_be_ended_again(client, counsellor, make_contract, today):
    contract = make_contract(status=ContractStatus.ENDED_EARLY, ended_on=today - datetime.timedelta(days=2))
    client.force_login(counsellor)
    assert "Ce contrat n'est plus en cours." in client.get(url(contract)).content.decode()
    client.post(url(contract), data(today))
    contract.refresh_from_db()
    assert contract.ended_on == today - datetime.timedelta(days=2)


def test_get_changes_nothing(client, counsellor, make_contract, today):
    contract = make_contract()
    client.force_login(counsellor)
    client.get(url(contract), data(today))
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ACTIVE


def test_it_refuses_another_structures_contract(client, counsellor, make_contract, today):
    foreign = make_contract(person={"structure_": StructureFactory()})
    client.force_login(counsellor)
    assert client.get(url(foreign)).status_code == 404
    assert client.post(url(foreign), data(today)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == ContractStatus.ACTIVE


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
    assert client.post(url(contract), data(today)).status_code == expected
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ACTIVE
