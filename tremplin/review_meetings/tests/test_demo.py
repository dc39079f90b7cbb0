"""The demo has a past meeting with decisions, an upcoming one, workshops with attendance and a handover."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from tremplin.demo import builder
from tremplin.handover.models import Handover
from tremplin.review_meetings.models import ReviewDecision, ReviewMeeting
from tremplin.timeline.models import EventKind, TimelineEvent
from tremplin.workshops.models import Participant

pytestmark = pytest.mark.django_db


def test_the_demo_shows_meetings_workshops_and_a_handover():
    call_command("load_demo", verbosity=0)
    today = timezone.localdate()
    structures = list(builder.demo_structures())
    for structure in structures:
        meetings = ReviewMeeting.objects.filter(structure=structure)
        assert meetings.filter(date__lt=today).exists() and meetings.filter(date__gt=today).exists()
        assert ReviewDecision.objects.filter(item__meeting__structure=structure, action__isnull=False).exists()
        assert Participant.objects.filter(workshop__structure=structure, attendance="present").exists()
        assert Handover.objects.filter(structure=structure, acknowledged_at__isnull=True).exists()
    assert TimelineEvent.objects.filter(kind=EventKind.REVIEW_DECISION).exists()
    assert TimelineEvent.objects.filter(kind=EventKind.WORKSHOP).exists()
