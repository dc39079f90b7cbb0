"""Events are written when their sources are saved, with the source's visibility and no free text."""

import datetime

import pytest
from django.utils import timezone

from tremplin.action_plan.factories import ActionFactory, ObjectiveFactory, PlanReviewFactory
from tremplin.action_plan.models import ActionStatus
from tremplin.barriers.factories import BarrierChangeFactory, BarrierFactory
from tremplin.barriers.models import BarrierDomain, BarrierStatus
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus, EarlyEndReason
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance
from tremplin.interviews.models import Kind as InterviewKind
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import StatusChange
from tremplin.timeline.models import EventKind, TimelineEvent
from tremplin.welcome.factories import WelcomeStepFactory

pytestmark = pytest.mark.django_db


def events(kind=None):
    queryset = TimelineEvent.objects.all()
    return list(queryset.filter(kind=kind) if kind else queryset)


def test_a_status_change_writes_a_whole_team_event():
    pathway = PathwayFactory()
    StatusChange.objects.create(
        pathway=pathway, from_status="candidate", to_status="eligible", reason="Dossier complet"
    )
    [event] = events(EventKind.STATUS_CHANGE)
    assert (event.pathway, event.person, event.structure) == (pathway, pathway.person, pathway.structure)
    assert event.visibility == Visibility.WHOLE_TEAM
    assert event.data == {"from": "candidate", "to": "eligible"}
    assert "Dossier complet" not in str(event.data)
    assert "Éligible" in event.describe()


def test_a_contract_is_signed_then_ended_early_as_two_events():
    contract = ContractFactory()
    [signed] = events(EventKind.CONTRACT)
    assert signed.variant == "signed" and signed.visibility == Visibility.WHOLE_TEAM
    contract.status = ContractStatus.ENDED_EARLY
    contract.ended_on = timezone.localdate()
    contract.early_end_reason = EarlyEndReason.HIRED
    contract.early_end_comment = "Embauchée chez le voisin"
    contract.save()
    variants = {event.variant: event for event in events(EventKind.CONTRACT)}
    assert set(variants) == {"signed", "ended_early"}
    assert variants["ended_early"].data["reason"] == "hired"
    assert "voisin" not in str(variants["ended_early"].data)


def test_a_renewal_and_a_completed_contract_are_told_apart():
    first = ContractFactory(status=ContractStatus.COMPLETED)
    ContractFactory(pathway=first.pathway, renews=first)
    assert sorted(event.variant for event in events(EventKind.CONTRACT)) == ["completed", "renewed", "signed"]


def test_an_interview_counts_once_held_with_its_visibility():
    interview = InterviewFactory(visibility=Visibility.SOCIAL_STAFF_ONLY, notes="Parle de sa santé")
    assert events(EventKind.INTERVIEW) == []
    interview.held_on = timezone.localdate()
    interview.attendance = Attendance.PRESENT
    interview.save()
    [event] = events(EventKind.INTERVIEW)
    assert event.visibility == Visibility.SOCIAL_STAFF_ONLY
    assert "santé" not in str(event.data)


def test_an_interview_without_visibility_takes_its_kinds_default():
    InterviewFactory(kind=InterviewKind.WORKSHOP, held_on=timezone.localdate(), visibility="")
    assert events(EventKind.INTERVIEW)[0].visibility == Visibility.WHOLE_TEAM


def test_an_observation_keeps_its_visibility_and_not_its_text():
    ObservationFactory(visibility=Visibility.SOCIAL_STAFF_ONLY, needs_social_follow_up=True, text="Semble épuisée")
    [event] = events(EventKind.OBSERVATION)
    assert event.visibility == Visibility.SOCIAL_STAFF_ONLY
    assert event.data["flagged"] is True
    assert "épuisée" not in str(event.data)


def test_a_plan_review_is_whole_team():
    PlanReviewFactory(summary="Ce qui a changé : beaucoup")
    [event] = events(EventKind.PLAN_REVIEW)
    assert event.visibility == Visibility.WHOLE_TEAM
    assert "beaucoup" not in str(event.data)


def test_a_change_of_a_social_only_barrier_is_social_only():
    barrier = BarrierFactory(domain=BarrierDomain.HEALTH)
    BarrierChangeFactory(barrier=barrier, to_status=BarrierStatus.BEING_WORKED_ON, note="Suivi médical")
    [event] = events(EventKind.BARRIER_CHANGE)
    assert event.visibility == Visibility.SOCIAL_STAFF_ONLY
    assert event.data["domain"] == "health"
    assert "médical" not in str(event.data)


def test_a_change_of_a_mobility_barrier_is_whole_team():
    BarrierChangeFactory(barrier=BarrierFactory(domain=BarrierDomain.MOBILITY))
    assert events(EventKind.BARRIER_CHANGE)[0].visibility == Visibility.WHOLE_TEAM


def test_an_action_is_an_event_only_while_done():
    action = ActionFactory(title="Rendez-vous au CMP")
    assert events(EventKind.ACTION_DONE) == []
    action.status = ActionStatus.DONE
    action.save()
    [event] = events(EventKind.ACTION_DONE)
    assert "CMP" not in str(event.data)
    first_at = event.occurred_at
    action.outcome = "Fait"
    action.save()
    assert events(EventKind.ACTION_DONE)[0].occurred_at == first_at
    action.status = ActionStatus.IN_PROGRESS
    action.save()
    assert events(EventKind.ACTION_DONE) == []


def test_an_action_for_a_social_only_barrier_is_social_only():
    barrier = BarrierFactory(domain=BarrierDomain.ADDICTIONS)
    objective = ObjectiveFactory(plan__pathway=barrier.pathway, barriers=[barrier])
    ActionFactory(plan=objective.plan, objective=objective, status=ActionStatus.DONE)
    assert events(EventKind.ACTION_DONE)[0].visibility == Visibility.SOCIAL_STAFF_ONLY


def test_a_welcome_step_is_an_event_once_done():
    step = WelcomeStepFactory()
    assert events(EventKind.WELCOME_STEP) == []
    step.done_on = timezone.localdate() - datetime.timedelta(days=2)
    step.save()
    [event] = events(EventKind.WELCOME_STEP)
    assert event.visibility == Visibility.WHOLE_TEAM
    assert timezone.localdate(event.occurred_at) == step.done_on


def test_saving_a_source_again_keeps_one_event():
    observation = ObservationFactory()
    observation.save()
    observation.save()
    assert len(events(EventKind.OBSERVATION)) == 1
