"""action_plan:review — a dated review with what changed; nothing to save is refused."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan import services
from tremplin.action_plan.models import PlanReview

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("action_plan:review", args=[pathway.public_id])


def test_it_records_a_review_with_the_changes_since_the_last_one(client, counsellor, plan, today):
    services.add_action(pathway=plan.pathway, section="job_search", title="Simulation d'entretien", by=counsellor)
    client.force_login(counsellor)
    response = client.get(url(plan.pathway))
    assert response.status_code == 200
    assert "Simulation d&#x27;entretien" in response.content.decode()
    next_on = today + datetime.timedelta(days=30)
    response = client.post(
        url(plan.pathway),
        {"reviewed_on": today.isoformat(), "summary": "Bonne dynamique", "next_review_on": next_on.isoformat()},
    )
    assert response.status_code == 302
    review = PlanReview.objects.get()
    assert review.changes == ["Action ajoutée : « Simulation d'entretien »"]
    assert (review.reviewed_by, review.next_review_on) == (counsellor, next_on)
    page = client.get(reverse("action_plan:plan", args=[plan.pathway.public_id])).content.decode()
    assert "Bonne dynamique" in page


def test_a_review_with_nothing_changed_and_no_summary_is_refused(client, counsellor, plan, today):
    client.force_login(counsellor)
    response = client.post(url(plan.pathway), {"reviewed_on": today.isoformat(), "summary": ""})
    assert response.status_code == 200
    assert "Rien à enregistrer" in response.content.decode()
    assert not PlanReview.objects.exists()


def test_a_review_in_the_future_is_refused(client, counsellor, plan, today):
    client.force_login(counsellor)
    response = client.post(
        url(plan.pathway), {"reviewed_on": (today + datetime.timedelta(days=1)).isoformat(), "summary": "x"}
    )
    assert response.status_code == 200
    assert "Date de la revue" in response.content.decode()


def test_get_creates_no_plan(client, counsellor, pathway):
    from tremplin.action_plan.models import ActionPlan

    client.force_login(counsellor)
    assert client.get(url(pathway)).status_code == 200
    assert not ActionPlan.objects.exists()


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.DPO])
def test_readers_may_not_review(client, member, plan, role, today):
    client.force_login(member(role))
    assert client.post(url(plan.pathway), {"reviewed_on": today.isoformat(), "summary": "x"}).status_code == 403


def test_a_supervisor_outside_the_team_gets_404(client, member, plan):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(plan.pathway)).status_code == 404


def test_it_refuses_another_structures_pathway(client, other_structure_member, plan):
    client.force_login(other_structure_member)
    assert client.get(url(plan.pathway)).status_code == 404
