"""action_plan:settings — follow-up frequency and the date the person agreed."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ObjectiveFactory
from tremplin.action_plan.models import ActionPlan

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("action_plan:settings", args=[pathway.public_id])


def test_it_creates_the_plan_with_frequency_and_agreement(client, counsellor, pathway, today):
    client.force_login(counsellor)
    assert client.get(url(pathway)).status_code == 200
    assert not ActionPlan.objects.exists()  # GET changes nothing
    response = client.post(url(pathway), {"follow_up_frequency": "monthly", "agreed_on": today.isoformat()})
    assert response.status_code == 302
    plan = ActionPlan.objects.get(pathway=pathway)
    assert (plan.follow_up_frequency, plan.agreed_on) == ("monthly", today)


def test_it_refuses_an_agreement_in_the_future(client, counsellor, plan, today):
    client.force_login(counsellor)
    response = client.post(
        url(plan.pathway),
        {"follow_up_frequency": "weekly", "agreed_on": (today + datetime.timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 200
    assert "Convenu le" in response.content.decode()
    plan.refresh_from_db()
    assert plan.follow_up_frequency == "fortnightly"


def test_it_refuses_an_agreement_after_an_objectives_target_date(client, counsellor, plan, today):
    ObjectiveFactory(plan=plan, text="Permis", target_date=today - datetime.timedelta(days=10))
    client.force_login(counsellor)
    response = client.post(url(plan.pathway), {"follow_up_frequency": "weekly", "agreed_on": today.isoformat()})
    assert response.status_code == 200
    assert "échéance antérieure" in response.content.decode()


def test_a_concurrent_change_is_refused(client, counsellor, plan):
    client.force_login(counsellor)
    token = client.get(url(plan.pathway)).context["form"]["concurrency_token"].value()
    ActionPlan.objects.filter(pk=plan.pk).update(follow_up_frequency="quarterly")
    response = client.post(
        url(plan.pathway), {"follow_up_frequency": "weekly", "agreed_on": "", "concurrency_token": token}
    )
    assert response.status_code == 200
    assert "trimestrielle" in response.content.decode()
    plan.refresh_from_db()
    assert plan.follow_up_frequency == "quarterly"


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.DPO])
def test_readers_may_not_change_it(client, member, plan, role):
    client.force_login(member(role))
    assert client.post(url(plan.pathway), {"follow_up_frequency": "weekly"}).status_code == 403


def test_a_supervisor_of_the_team_is_refused(client, supervisor_in_team, plan):
    client.force_login(supervisor_in_team)
    assert client.get(url(plan.pathway)).status_code == 403


def test_it_refuses_another_structures_pathway(client, other_structure_member, plan):
    client.force_login(other_structure_member)
    assert client.get(url(plan.pathway)).status_code == 404
