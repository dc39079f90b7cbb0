"""action_plan/_pathway_action_plan.html on the person page: a count line and a link, for those who read the plan."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db


def person_page(pathway):
    return reverse("people:detail", args=[pathway.person.public_id])


def test_it_counts_objectives_and_overdue_actions(client, counsellor, plan, today):
    ObjectiveFactory.create_batch(2, plan=plan)
    ActionFactory(plan=plan, due_date=today - datetime.timedelta(days=1))
    ActionFactory(plan=plan)
    client.force_login(counsellor)
    content = client.get(person_page(plan.pathway)).content.decode()
    assert "Plan d'action : 2 objectifs, 1 action en retard" in content
    assert reverse("action_plan:plan", args=[plan.pathway.public_id]) in content


def test_a_pathway_without_plan_says_so(client, counsellor, pathway):
    client.force_login(counsellor)
    assert "pas encore commencé" in client.get(person_page(pathway)).content.decode()


def test_a_supervisor_of_the_team_gets_no_plan_line(client, supervisor_in_team, plan):
    client.force_login(supervisor_in_team)
    response = client.get(person_page(plan.pathway))
    assert response.status_code == 200
    assert reverse("action_plan:plan", args=[plan.pathway.public_id]) not in response.content.decode()


def test_a_job_coach_sees_the_line(client, member, plan):
    client.force_login(member(Role.JOB_COACH))
    assert "Plan d'action : 0 objectif" in client.get(person_page(plan.pathway)).content.decode()
