import datetime

import pytest
from django.utils import timezone

from tremplin.action_plan.factories import ActionPlanFactory
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance, Kind
from tremplin.interviews.services import next_interview_due

pytestmark = pytest.mark.django_db


def test_nothing_is_due_without_plan_or_planned_interview(pathway, held):
    held(3)

    assert next_interview_due(pathway) is None


def test_the_plans_frequency_follows_the_last_attended_interview(pathway, held, today):
    ActionPlanFactory(pathway=pathway, follow_up_frequency="fortnightly")
    held(20)
    held(5, kind=Kind.TRIPARTITE, third_party="Employeur")
    held(2, kind=Kind.WORKSHOP)  # a workshop is not a follow-up interview
    held(1, attendance=Attendance.ABSENT_UNEXCUSED)  # a missed meeting does not count

    assert next_interview_due(pathway) == today - datetime.timedelta(days=5) + datetime.timedelta(days=14)


def test_an_earlier_planned_interview_comes_first(pathway, held, today):
    ActionPlanFactory(pathway=pathway, follow_up_frequency="monthly")
    held(3)
    InterviewFactory(pathway=pathway, planned_at=timezone.now() + datetime.timedelta(days=4))
    InterviewFactory(pathway=pathway, planned_at=timezone.now() + datetime.timedelta(days=9))

    assert next_interview_due(pathway) == timezone.localtime(timezone.now() + datetime.timedelta(days=4)).date()


def test_a_late_follow_up_is_in_the_past(pathway, held, today):
    ActionPlanFactory(pathway=pathway, follow_up_frequency="weekly")
    held(10)

    assert next_interview_due(pathway) == today - datetime.timedelta(days=3)


def test_only_interviews_the_reader_may_see_count(pathway, held, today):
    ActionPlanFactory(pathway=pathway, follow_up_frequency="weekly")
    held(2, visibility=Visibility.SOCIAL_STAFF_ONLY)
    held(4, kind=Kind.TRIPARTITE, third_party="Employeur", visibility=Visibility.WHOLE_TEAM)

    team = {Visibility.WHOLE_TEAM, Visibility.SHAREABLE_WITH_PARTNERS}
    assert next_interview_due(pathway, team) == today + datetime.timedelta(days=3)
    assert next_interview_due(pathway) == today + datetime.timedelta(days=5)
