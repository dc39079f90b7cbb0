"""rebuild_timeline writes the events of existing records, and running it twice changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from tremplin.action_plan.factories import ActionFactory, PlanReviewFactory
from tremplin.action_plan.models import ActionStatus
from tremplin.barriers.factories import BarrierChangeFactory
from tremplin.contracts.factories import ContractFactory
from tremplin.interviews.factories import InterviewFactory
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.models import StatusChange
from tremplin.timeline.models import EventKind, TimelineEvent
from tremplin.welcome.factories import WelcomeStepFactory

pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple]:
    return sorted(
        TimelineEvent.objects.values_list("kind", "variant", "source_id", "visibility", "pathway_id", "occurred_at")
    )


# The kinds of this app's own sources; other apps' sources test their own events.
OWN_KINDS = set(EventKind.values[: EventKind.values.index("welcome_step") + 1])


@pytest.fixture
def one_of_each():
    contract = ContractFactory()
    pathway = contract.pathway
    StatusChange.objects.create(pathway=pathway, from_status="eligible", to_status="in_contract")
    InterviewFactory(pathway=pathway, held_on=timezone.localdate())
    ObservationFactory(pathway=pathway)
    review = PlanReviewFactory(plan__pathway=pathway)
    BarrierChangeFactory(barrier__pathway=pathway)
    ActionFactory(plan=review.plan, status=ActionStatus.DONE)
    WelcomeStepFactory(pathway=pathway, done_on=timezone.localdate())
    return pathway


def test_it_recreates_the_events_of_existing_records(one_of_each):
    written = snapshot()
    # The kinds of this app's own sources; the other apps' sources test their own rebuild.
    assert {row[0] for row in written} == OWN_KINDS
    TimelineEvent.objects.all().delete()
    call_command("rebuild_timeline", stdout=open("/dev/null", "w"))
    assert snapshot() == written


def test_it_is_idempotent(one_of_each):
    call_command("rebuild_timeline", stdout=open("/dev/null", "w"))
    first = snapshot()
    call_command("rebuild_timeline", stdout=open("/dev/null", "w"))
    assert snapshot() == first
    assert len(first) == len(OWN_KINDS)


def test_it_can_rebuild_one_structure_only(one_of_each):
    other = ObservationFactory()
    TimelineEvent.objects.all().delete()
    call_command("rebuild_timeline", structure=str(other.pathway.structure.public_id), stdout=open("/dev/null", "w"))
    assert list(TimelineEvent.objects.values_list("pathway_id", flat=True)) == [other.pathway_id]
