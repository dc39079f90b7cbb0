"""services: add_action, add_objective, record_review, due-date warning."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tremplin.action_plan import services
from tremplin.action_plan.factories import ActionFactory, ObjectiveFactory
from tremplin.action_plan.models import FOLLOW_UP_DAYS, Action, ActionPlan, ActionStatus, PlanReview
from tremplin.contracts.factories import ContractFactory
from tremplin.core.visibility import Visibility

pytestmark = pytest.mark.django_db


def test_add_action_creates_the_plan_when_missing(pathway, counsellor, today):
    action = services.add_action(
        pathway=pathway,
        section="skills",
        title="Atelier CV",
        by=counsellor,
        due_date=today + datetime.timedelta(days=3),
    )
    assert ActionPlan.objects.get(pathway=pathway) == action.plan
    # With no owner named, a staff action is carried by its author.
    assert action.owner_kind == "staff" and action.owner_user == counsellor
    assert action.created_by == counsellor


def test_add_action_refuses_a_due_date_in_the_past(pathway, counsellor, today):
    with pytest.raises(ValidationError) as error:
        services.add_action(
            pathway=pathway, section="skills", title="Stage", by=counsellor, due_date=today - datetime.timedelta(days=1)
        )
    assert "due_date" in error.value.message_dict
    assert not ActionPlan.objects.exists()


def test_add_action_refuses_an_unknown_section_and_an_empty_title(pathway, counsellor):
    with pytest.raises(ValidationError) as error:
        services.add_action(pathway=pathway, section="nope", title=" ", by=counsellor)
    assert set(error.value.message_dict) == {"section", "title"}


def test_add_action_refuses_another_pathways_objective(pathway, counsellor):
    other = ObjectiveFactory()
    with pytest.raises(ValidationError) as error:
        services.add_action(pathway=pathway, section="skills", title="Stage", by=counsellor, objective=other)
    assert "objective" in error.value.message_dict


def test_a_partner_action_needs_a_partner_or_the_providers_name(pathway, counsellor):
    with pytest.raises(ValidationError) as error:
        services.add_action(pathway=pathway, section="mobility", title="Permis", by=counsellor, owner_kind="partner")
    assert "owner_partner" in error.value.message_dict
    action = services.add_action(
        pathway=pathway,
        section="mobility",
        title="Permis",
        by=counsellor,
        owner_kind="partner",
        owner_partner_name="Auto-école sociale",
    )
    assert action.owner_display == "Auto-école sociale" and action.owner_user is None


def test_a_person_owned_action_reads_la_personne(plan):
    assert ActionFactory(plan=plan, owner_kind="person").owner_display == "la personne"


def test_an_action_due_after_the_contract_end_gets_a_warning(pathway, today):
    contract = ContractFactory(pathway=pathway, start_date=today - datetime.timedelta(days=10))
    assert services.due_date_warning(pathway, contract.planned_end_date) == ""
    warning = services.due_date_warning(pathway, contract.planned_end_date + datetime.timedelta(days=1))
    assert "après la fin prévue du contrat" in warning


def test_an_objective_cannot_be_due_before_the_agreement(plan, counsellor, today):
    plan.agreed_on = today
    plan.save()
    with pytest.raises(ValidationError) as error:
        services.add_objective(
            pathway=plan.pathway, text="Permis", by=counsellor, target_date=today - datetime.timedelta(days=1)
        )
    assert "target_date" in error.value.message_dict


def test_overdue_means_open_and_past_due(plan, today):
    past = today - datetime.timedelta(days=1)
    assert ActionFactory(plan=plan, due_date=past).is_overdue
    assert not ActionFactory(plan=plan, due_date=past, status=ActionStatus.DONE).is_overdue
    assert not ActionFactory(plan=plan, due_date=today).is_overdue


def test_a_review_lists_what_changed_since_the_previous_one(plan, counsellor, today):
    objective = services.add_objective(pathway=plan.pathway, text="Obtenir le permis", by=counsellor)
    action = services.add_action(pathway=plan.pathway, section="mobility", title="Code de la route", by=counsellor)
    first = services.record_review(pathway=plan.pathway, reviewed_on=today, summary="", by=counsellor)
    assert any("Obtenir le permis" in line for line in first.changes)
    assert any("Code de la route" in line for line in first.changes)

    action.status = ActionStatus.DONE
    action.save()
    second = services.record_review(pathway=plan.pathway, reviewed_on=today, summary="", by=counsellor)
    assert second.changes == ["Action « Code de la route » : prévue → réalisée"]
    assert objective.text not in " ".join(second.changes)


def test_a_review_with_nothing_changed_and_no_summary_is_refused(plan, counsellor, today):
    services.record_review(pathway=plan.pathway, reviewed_on=today, summary="Premier point", by=counsellor)
    with pytest.raises(ValidationError) as error:
        services.record_review(pathway=plan.pathway, reviewed_on=today, summary="  ", by=counsellor)
    assert "Rien à enregistrer" in error.value.message_dict["summary"][0]
    assert PlanReview.objects.count() == 1
    # A summary alone is enough: the review records what was said.
    services.record_review(pathway=plan.pathway, reviewed_on=today, summary="Motivation en hausse", by=counsellor)
    assert PlanReview.objects.count() == 2


def test_a_review_refuses_a_next_date_before_the_review(plan, counsellor, today):
    with pytest.raises(ValidationError) as error:
        services.record_review(
            pathway=plan.pathway, reviewed_on=today, summary="x", next_review_on=today, by=counsellor
        )
    assert "next_review_on" in error.value.message_dict


def test_follow_up_days():
    assert FOLLOW_UP_DAYS == {"weekly": 7, "fortnightly": 14, "monthly": 30, "quarterly": 91}


def test_the_summary_prefetch_counts_objectives_and_overdue_actions(plan, today, django_assert_num_queries):
    from django.db.models import prefetch_related_objects

    ObjectiveFactory.create_batch(2, plan=plan)
    ActionFactory(plan=plan, due_date=today - datetime.timedelta(days=2))
    ActionFactory(plan=plan)
    pathway = plan.pathway
    with django_assert_num_queries(1):
        prefetch_related_objects([pathway], services.plan_summary_prefetch(set(Visibility)))
    assert (pathway.plan_summary.n_objectives, pathway.plan_summary.n_overdue) == (2, 1)
    assert Action.objects.count() == 2


def test_add_action_refuses_a_staff_owner_from_another_structure(pathway, counsellor, other_structure_member):
    with pytest.raises(ValidationError) as error:
        services.add_action(
            pathway=pathway, section="skills", title="Stage", by=counsellor, owner_user=other_structure_member
        )
    assert "owner_user" in error.value.message_dict
