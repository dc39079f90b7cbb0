"""When a person is anonymised, their events keep kinds and dates but lose every code and staff name."""

import pytest
from django.utils import timezone

from tremplin.barriers.factories import BarrierChangeFactory, BarrierFactory
from tremplin.retention.services import anonymise_person
from tremplin.timeline.factories import TimelineEventFactory
from tremplin.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db


def test_anonymisation_empties_the_events_data():
    change = BarrierChangeFactory(barrier=BarrierFactory(domain="justice"))
    person = change.barrier.pathway.person
    other = TimelineEventFactory()
    anonymise_person(person, timezone.localdate())
    event = TimelineEvent.objects.get(person=person)
    assert event.data == {}
    assert event.describe() == "Freins"
    other.refresh_from_db()
    assert other.data != {}
