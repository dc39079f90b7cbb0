"""action_plan:action_edit — status, outcome and due date; concurrent edits."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory
from tremplin.action_plan.models import Action
from tremplin.contracts.factories import ContractFactory
from tremplin.core.tests.helpers import with_token

pytestmark = pytest.mark.django_db


def url(action):
    return reverse("action_plan:action_edit", args=[action.public_id])


def form_data(action, **changes):
    data = {
        "section": action.section,
        "objective": "",
        "title": action.title,
        "kind": action.kind,
        "owner_kind": action.owner_kind,
        "owner_user": action.owner_user_id or "",
        "owner_partner_name": action.owner_partner_name,
        "due_date": action.due_date.isoformat() if action.due_date else "",
        "status": action.status,
        "outcome": action.outcome,
    }
    data.update(changes)
    return data


def test_it_records_the_status_and_outcome(client, counsellor, plan):
    action = ActionFactory(plan=plan)
    client.force_login(counsellor)
    assert client.get(url(action)).status_code == 200
    response = client.post(
        url(action), with_token(client, url(action), form_data(action, status="done", outcome="CV prêt"))
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.outcome) == ("done", "CV prêt")


def test_an_existing_action_may_keep_a_past_due_date(client, counsellor, plan, today):
    action = ActionFactory(plan=plan, due_date=today - datetime.timedelta(days=5))
    client.force_login(counsellor)
    assert (
        client.post(url(action), with_token(client, url(action), form_data(action, status="done"))).status_code == 302
    )


def test_moving_the_due_date_after_the_contract_end_warns(client, counsellor, plan, today):
    contract = ContractFactory(pathway=plan.pathway, start_date=today - datetime.timedelta(days=10))
    action = ActionFactory(plan=plan)
    client.force_login(counsellor)
    due = contract.planned_end_date + datetime.timedelta(days=1)
    response = client.post(
        url(action), with_token(client, url(action), form_data(action, due_date=due.isoformat())), follow=True
    )
    assert any("après la fin prévue du contrat" in m.message for m in response.context["messages"])
    action.refresh_from_db()
    assert action.due_date == due


def test_the_second_of_two_concurrent_saves_is_refused_with_the_other_change_shown(client, counsellor, member, plan):
    action = ActionFactory(plan=plan)
    other = member(Role.DIRECTOR)
    client.force_login(counsellor)
    token_first = client.get(url(action)).context["form"]["concurrency_token"].value()
    client.force_login(other)
    token_second = client.get(url(action)).context["form"]["concurrency_token"].value()
    assert client.post(url(action), form_data(action, status="done", concurrency_token=token_second)).status_code == 302
    client.force_login(counsellor)
    response = client.post(url(action), form_data(action, status="cancelled", concurrency_token=token_first))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Quelqu&#x27;un d&#x27;autre a modifié" in content and "réalisée" in content
    assert Action.objects.get().status == "done"


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.DPO, Role.ADMIN])
def test_readers_may_not_edit(client, member, plan, role):
    action = ActionFactory(plan=plan)
    client.force_login(member(role))
    assert client.post(url(action), form_data(action, status="done")).status_code == 403
    assert Action.objects.get().status == "planned"


def test_a_supervisor_of_the_team_is_refused(client, supervisor_in_team, plan):
    client.force_login(supervisor_in_team)
    assert client.get(url(ActionFactory(plan=plan))).status_code == 403


def test_it_refuses_another_structures_action(client, other_structure_member, plan):
    client.force_login(other_structure_member)
    assert client.get(url(ActionFactory(plan=plan))).status_code == 404
