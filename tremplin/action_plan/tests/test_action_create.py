"""action_plan:action_create — dated actions, owners, warnings after the contract's end."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ObjectiveFactory
from tremplin.action_plan.models import Action
from tremplin.contracts.factories import ContractFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("action_plan:action_create", args=[pathway.public_id])


def data(**changes):
    values = {"section": "skills", "title": "Atelier CV", "kind": "atelier", "owner_kind": "person", "due_date": ""}
    values.update(changes)
    return values


def test_it_adds_an_action_under_an_objective(client, counsellor, plan, today):
    objective = ObjectiveFactory(plan=plan)
    client.force_login(counsellor)
    response = client.get(url(plan.pathway) + f"?objective={objective.public_id}")
    assert response.status_code == 200
    assert response.context["form"].initial["objective"] == objective.pk
    due = today + datetime.timedelta(days=10)
    response = client.post(url(plan.pathway), data(objective=objective.pk, due_date=due.isoformat()))
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.objective, action.due_date, action.owner_kind) == (objective, due, "person")


def test_a_staff_action_defaults_to_its_author(client, counsellor, pathway):
    client.force_login(counsellor)
    client.post(url(pathway), data(owner_kind="staff"))
    assert Action.objects.get().owner_user == counsellor


def test_a_past_due_date_is_refused(client, counsellor, pathway, today):
    client.force_login(counsellor)
    response = client.post(url(pathway), data(due_date=(today - datetime.timedelta(days=1)).isoformat()))
    assert response.status_code == 200
    assert "Échéance : une nouvelle action" in response.content.decode()
    assert not Action.objects.exists()


def test_a_partner_action_needs_a_partner_or_a_name(client, counsellor, pathway):
    client.force_login(counsellor)
    response = client.post(url(pathway), data(owner_kind="partner"))
    assert response.status_code == 200
    assert "Partenaire de l&#x27;annuaire : choisissez le partenaire" in response.content.decode()
    assert not Action.objects.exists()


def test_an_action_after_the_contracts_end_is_saved_with_a_warning(client, counsellor, pathway, today):
    contract = ContractFactory(pathway=pathway, start_date=today - datetime.timedelta(days=10))
    client.force_login(counsellor)
    due = contract.planned_end_date + datetime.timedelta(days=5)
    response = client.post(url(pathway), data(due_date=due.isoformat()), follow=True)
    assert Action.objects.get().due_date == due
    warnings = [m.message for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "après la fin prévue du contrat" in warnings[0]


def test_it_refuses_a_staff_member_of_another_structure(client, counsellor, pathway, other_structure_member):
    client.force_login(counsellor)
    response = client.post(url(pathway), data(owner_kind="staff", owner_user=other_structure_member.pk))
    assert response.status_code == 200
    assert "Membre de l&#x27;équipe" in response.content.decode()


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.DPO])
def test_readers_may_not_add(client, member, pathway, role):
    client.force_login(member(role))
    assert client.post(url(pathway), data()).status_code == 403
    assert not Action.objects.exists()


def test_a_supervisor_of_the_team_is_refused(client, supervisor_in_team, pathway):
    client.force_login(supervisor_in_team)
    assert client.get(url(pathway)).status_code == 403


def test_it_refuses_another_structures_pathway(client, other_structure_member, pathway):
    client.force_login(other_structure_member)
    assert client.get(url(pathway)).status_code == 404


def test_the_error_summary_names_the_field_once(client, counsellor, pathway, today):
    client.force_login(counsellor)
    response = client.post(url(pathway), data(title=""))
    summary = response.content.decode().split('id="error-summary"')[1].split("</ul>")[0]
    assert "Action : décrivez l&#x27;action en quelques mots." in summary
    assert "Action : Action" not in summary
