import datetime

import pytest
from django.core.exceptions import ValidationError

from tremplin.action_plan.factories import ActionPlanFactory, PlanReviewFactory
from tremplin.action_plan.models import Action
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.review_meetings import services
from tremplin.review_meetings.factories import ReviewDecisionFactory
from tremplin.review_meetings.models import ReviewDecision, ReviewReason
from tremplin.timeline.models import EventKind, TimelineEvent


def _contract_ending(pathway, end):
    return ContractFactory(pathway=pathway, start_date=end - datetime.timedelta(days=200), planned_end_date=end)


def test_contracts_ending_within_n_months_counts_up_to_the_same_day_n_months_ahead(structure, make_pathway, today):
    inside = make_pathway("Ines", "Dedans")
    _contract_ending(inside, services._months_ahead(today, 3))
    outside = make_pathway("Oscar", "Dehors")
    _contract_ending(outside, services._months_ahead(today, 3) + datetime.timedelta(days=1))
    ended = make_pathway("Eve", "Finie")
    _contract_ending(ended, today - datetime.timedelta(days=1))
    assert list(services.contracts_ending_within(structure, 3, today=today)) == [inside]


def test_a_contract_that_ended_early_is_not_proposed(structure, make_pathway, today):
    pathway = make_pathway()
    contract = _contract_ending(pathway, today + datetime.timedelta(days=20))
    contract.status = ContractStatus.ENDED_EARLY
    contract.save()
    assert not services.contracts_ending_within(structure, 3, today=today).exists()


def test_plans_not_reviewed_for_n_months(structure, make_pathway, today):
    stale = make_pathway("Sam", "Ancien")
    PlanReviewFactory(plan=ActionPlanFactory(pathway=stale), reviewed_on=today - datetime.timedelta(days=80))
    fresh = make_pathway("Fanny", "Recente")
    PlanReviewFactory(plan=ActionPlanFactory(pathway=fresh), reviewed_on=today - datetime.timedelta(days=10))
    # Opened today and never reviewed: too early to say the plan was forgotten.
    make_pathway("Nina", "Nouvelle")
    assert list(services.plans_not_reviewed_for(structure, 2, today=today)) == [stale]


@pytest.mark.parametrize("months", [0, -1, 25, "deux", None])
def test_the_number_of_months_is_checked(structure, months):
    with pytest.raises(ValidationError) as error:
        services.contracts_ending_within(structure, months)
    assert "Nombre de mois" in error.value.message_dict["months"][0]


def test_months_ago_keeps_the_end_of_short_months():
    assert services._months_ago(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert services._months_ahead(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)


def test_a_decision_with_an_action_creates_the_action_in_the_plan(item, counsellor, today):
    decision = services.record_decision(
        item,
        text="Chercher une formation CACES",
        by=counsellor,
        action={"section": "skills", "title": "Inscription CACES", "owner_user": counsellor, "due_date": today},
    )
    action = decision.action
    assert action.plan.pathway == item.pathway
    assert (action.title, action.owner_user, action.due_date) == ("Inscription CACES", counsellor, today)


def test_a_refused_action_leaves_no_decision_behind(item, counsellor, today):
    with pytest.raises(ValidationError) as error:
        services.record_decision(
            item,
            text="Chercher une formation",
            by=counsellor,
            action={"section": "nope", "title": "", "owner_user": counsellor, "due_date": today},
        )
    assert set(error.value.message_dict) == {"section", "title"}
    assert not ReviewDecision.objects.exists()
    assert not Action.objects.exists()


def test_no_decision_before_the_meeting(item, counsellor, today):
    item.meeting.date = today + datetime.timedelta(days=1)
    item.meeting.save()
    with pytest.raises(ValidationError) as error:
        services.record_decision(item, text="Trop tôt", by=counsellor)
    assert "pas encore eu lieu" in error.value.messages[0]


def test_an_empty_decision_is_refused(item, counsellor):
    with pytest.raises(ValidationError) as error:
        services.record_decision(item, text="   ", by=counsellor)
    assert "Décision" in error.value.message_dict["text"][0]


def test_the_timeline_event_holds_codes_and_not_the_text(item, counsellor):
    decision = services.record_decision(item, text="Texte confidentiel de la décision", by=counsellor)
    event = TimelineEvent.objects.get(kind=EventKind.REVIEW_DECISION)
    assert event.pathway == item.pathway
    assert "confidentiel" not in str(event.data)
    assert event.data["meeting_kind"] == item.meeting.kind
    assert event.visibility == decision.visibility
    assert event.describe() == "Décision de la réunion (Réunion de synthèse)"


def test_a_person_is_put_once_on_an_agenda(meeting, pathway, counsellor):
    services.add_to_agenda(meeting, [pathway], reason=ReviewReason.CHOSEN, by=counsellor)
    assert services.add_to_agenda(meeting, [pathway], reason=ReviewReason.CHOSEN, by=counsellor) == []
    assert meeting.items.count() == 1


def test_a_person_of_another_structure_cannot_be_put_on_the_agenda(meeting, counsellor):
    from tremplin.pathways.factories import PathwayFactory

    with pytest.raises(ValidationError):
        services.add_to_agenda(meeting, [PathwayFactory()], reason=ReviewReason.CHOSEN, by=counsellor)


def test_a_person_with_decisions_stays_on_the_agenda(item):
    ReviewDecisionFactory(item=item)
    with pytest.raises(ValidationError):
        services.remove_from_agenda(item)
    assert item.meeting.items.count() == 1


def test_a_meeting_with_decisions_cannot_be_moved_to_the_future(item, today):
    ReviewDecisionFactory(item=item)
    with pytest.raises(ValidationError) as error:
        services.update_meeting(
            item.meeting, participants=[], kind=item.meeting.kind, date=today + datetime.timedelta(days=7)
        )
    assert "reportée" in error.value.message_dict["date"][0]
