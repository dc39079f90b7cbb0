"""action_plan:plan — objectives with their actions by section, reviews newest first, who reads."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ObjectiveFactory, PlanReviewFactory
from tremplin.audit.models import AccessLogEntry
from tremplin.barriers.factories import BarrierFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("action_plan:plan", args=[pathway.public_id])


def test_it_shows_objectives_and_actions_grouped_by_section(client, counsellor, plan, member, today):
    staff = member(Role.CASE_MANAGER)
    staff.first_name, staff.last_name = "Jeanne", "Martin"
    staff.save()
    objective = ObjectiveFactory(plan=plan, text="Obtenir le permis B", success_indicator="Permis en poche")
    ActionFactory(plan=plan, objective=objective, section="mobility", title="Code", owner_kind="person")
    ActionFactory(
        plan=plan,
        objective=objective,
        section="mobility",
        title="Auto-école",
        owner_kind="partner",
        owner_partner_name="Mob'In",
    )
    ActionFactory(plan=plan, section="job_search", title="Simulation d'entretien", owner_kind="staff", owner_user=staff)
    client.force_login(counsellor)
    response = client.get(url(plan.pathway))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1>") == 1
    for text in ("Obtenir le permis B", "Permis en poche", "Mobilité et logistique", "Recherche d&#x27;emploi"):
        assert text in content
    assert "la personne" in content and "Mob&#x27;In" in content and "Jeanne Martin" in content
    assert "Solutions de transport, aides financières." in content
    assert reverse("action_plan:objective_edit", args=[objective.public_id]) in content


def test_actions_are_in_chronological_order(client, counsellor, plan, today):
    ActionFactory(plan=plan, title="Deuxième", due_date=today + datetime.timedelta(days=20))
    ActionFactory(plan=plan, title="Première", due_date=today + datetime.timedelta(days=2))
    client.force_login(counsellor)
    content = client.get(url(plan.pathway)).content.decode()
    assert content.index("Première") < content.index("Deuxième")


def test_an_overdue_action_is_flagged_in_words(client, counsellor, plan, today):
    ActionFactory(plan=plan, title="Relancer la mission locale", due_date=today - datetime.timedelta(days=3))
    client.force_login(counsellor)
    content = client.get(url(plan.pathway)).content.decode()
    assert "en retard" in content and "1 action en retard" in content


def test_reviews_are_shown_newest_first(client, counsellor, plan, today):
    PlanReviewFactory(plan=plan, reviewed_on=today - datetime.timedelta(days=30), summary="Ancienne revue")
    PlanReviewFactory(plan=plan, reviewed_on=today, summary="Nouvelle revue", changes=["Action ajoutée : « X »"])
    client.force_login(counsellor)
    content = client.get(url(plan.pathway)).content.decode()
    assert content.index("Nouvelle revue") < content.index("Ancienne revue")
    assert "Action ajoutée" in content


def test_a_pathway_without_plan_shows_an_empty_plan(client, counsellor, pathway):
    client.force_login(counsellor)
    response = client.get(url(pathway))
    assert response.status_code == 200
    assert "Aucun objectif" in response.content.decode()


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.DPO, Role.ADMIN])
def test_readers_see_the_plan_without_edit_links(client, member, plan, role):
    ObjectiveFactory(plan=plan, text="Objectif lisible")
    client.force_login(member(role))
    response = client.get(url(plan.pathway))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Objectif lisible" in content
    assert reverse("action_plan:objective_create", args=[plan.pathway.public_id]) not in content


def test_a_job_coach_reads_nothing_of_an_objective_on_a_social_staff_only_barrier(client, member, plan):
    """The objective takes its barrier's level (decision 0008): neither it nor its barrier appears."""
    barrier = BarrierFactory(pathway=plan.pathway, domain="health", description="Suivi addictologie")
    objective = ObjectiveFactory(plan=plan, barriers=[barrier], text="Reprendre un suivi en addictologie")
    client.force_login(member(Role.JOB_COACH))
    content = client.get(url(plan.pathway)).content.decode()
    assert "Santé" not in content and objective.text not in content and objective.success_indicator not in content


def test_a_supervisor_of_the_team_is_refused(client, supervisor_in_team, plan):
    client.force_login(supervisor_in_team)
    assert client.get(url(plan.pathway)).status_code == 403


def test_a_supervisor_outside_the_team_gets_404(client, member, plan):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(plan.pathway)).status_code == 404


def test_a_partner_gets_404(client, member, plan):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(plan.pathway)).status_code == 404


def test_it_refuses_another_structures_pathway(client, other_structure_member, plan):
    client.force_login(other_structure_member)
    assert client.get(url(plan.pathway)).status_code == 404


def test_the_read_is_logged(client, counsellor, plan):
    client.force_login(counsellor)
    client.get(url(plan.pathway))
    assert AccessLogEntry.objects.filter(part="action_plan", action="read", actor_id=counsellor.pk).count() == 1


@pytest.mark.parametrize("count", [3, 30])
def test_the_query_count_does_not_depend_on_the_number_of_objectives_and_actions(
    client, counsellor, plan, member, count, django_assert_num_queries
):
    staff = member(Role.COUNSELLOR)
    barrier = BarrierFactory(pathway=plan.pathway)
    for index in range(count):
        objective = ObjectiveFactory(plan=plan, barriers=[barrier] if index % 2 else None)
        ActionFactory(plan=plan, objective=objective, owner_kind="staff", owner_user=staff)
        ActionFactory(plan=plan, section="follow_up")
        PlanReviewFactory(plan=plan, reviewed_by=staff)
    client.force_login(counsellor)
    client.get(url(plan.pathway))
    # session, user, membership (middleware, then the access check), savepoint, pathway with its plan,
    # objectives, their barriers, actions, reviews, current contract, the access log entry (lock, insert, move
    # head), release.
    with django_assert_num_queries(15):
        assert client.get(url(plan.pathway)).status_code == 200
