"""Each alert fires on its threshold day, not the day before, and says since when (tremplin/dashboards/alerts.py)."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory
from tremplin.action_plan.models import ActionStatus, Section
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.core.visibility import Visibility
from tremplin.dashboards import alerts
from tremplin.dashboards.services import caseload_home
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance, Kind
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.models import Status

from .helpers import pathway

START = datetime.date(2026, 3, 2)


def at(day: datetime.date):
    """Travel to noon of `day`, Paris time, with the clock stopped."""
    return time_machine.travel(timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))), tick=False)


def day(n: int) -> datetime.date:
    return START + datetime.timedelta(days=n)


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


def alerts_on(when: datetime.date, user, kind: str) -> list[alerts.Alert]:
    membership = Membership.objects.select_related("structure").get(user=user)
    with at(when):
        return [alert for alert in caseload_home(user, membership).alerts if alert.kind == kind]


def opened(structure, counsellor, status=Status.ELIGIBLE, **kwargs):
    with at(START):
        return pathway(structure, status, referent=counsellor, **kwargs)


def held_interview(path, on: datetime.date, **kwargs):
    with at(on):
        return InterviewFactory(
            pathway=path,
            kind=kwargs.pop("kind", Kind.INDIVIDUAL),
            planned_at=timezone.now(),
            held_on=on,
            attendance=kwargs.pop("attendance", Attendance.PRESENT),
            visibility=kwargs.pop("visibility", Visibility.SOCIAL_STAFF_ONLY),
        )


def test_no_contact_fires_on_the_21st_day_after_the_pathway_changed_status(structure, counsellor):
    path = opened(structure, counsellor)
    assert alerts_on(day(20), counsellor, alerts.NO_CONTACT) == []
    [alert] = alerts_on(day(21), counsellor, alerts.NO_CONTACT)
    assert alert.pathway == path
    assert alert.since == day(21)
    assert "aucun contact depuis 21 jours" in alert.sentence
    assert path.person.full_name in alert.sentence


def test_a_held_interview_restarts_the_no_contact_count(structure, counsellor):
    path = opened(structure, counsellor)
    held_interview(path, day(10))
    assert alerts_on(day(30), counsellor, alerts.NO_CONTACT) == []
    assert [a.since for a in alerts_on(day(31), counsellor, alerts.NO_CONTACT)] == [day(31)]


def test_an_interview_the_person_missed_is_no_contact(structure, counsellor):
    path = opened(structure, counsellor)
    held_interview(path, day(10), attendance=Attendance.ABSENT_UNEXCUSED)
    assert len(alerts_on(day(21), counsellor, alerts.NO_CONTACT)) == 1


def test_an_observation_restarts_the_no_contact_count(structure, counsellor):
    path = opened(structure, counsellor)
    with at(day(5)):
        ObservationFactory(pathway=path, observed_on=day(5))
    assert alerts_on(day(25), counsellor, alerts.NO_CONTACT) == []
    assert len(alerts_on(day(26), counsellor, alerts.NO_CONTACT)) == 1


@override_settings(TREMPLIN_NO_CONTACT_DAYS=7)
def test_the_no_contact_threshold_is_a_setting(structure, counsellor):
    opened(structure, counsellor)
    assert alerts_on(day(6), counsellor, alerts.NO_CONTACT) == []
    assert len(alerts_on(day(7), counsellor, alerts.NO_CONTACT)) == 1


def test_a_late_interview_fires_the_day_after_the_plans_frequency(structure, counsellor):
    path = opened(structure, counsellor)
    with at(START):
        ActionPlanFactory(pathway=path, follow_up_frequency="monthly")
    held_interview(path, START)
    assert alerts_on(day(30), counsellor, alerts.INTERVIEW_LATE) == []
    [alert] = alerts_on(day(31), counsellor, alerts.INTERVIEW_LATE)
    assert alert.since == day(31)
    assert "attendu le 01/04/2026" in alert.sentence


def test_no_late_interview_alert_without_a_plan(structure, counsellor):
    path = opened(structure, counsellor)
    held_interview(path, START)
    assert alerts_on(day(120), counsellor, alerts.INTERVIEW_LATE) == []


def ending_contract(structure, counsellor, end: datetime.date):
    path = opened(structure, counsellor, Status.IN_CONTRACT)
    with at(START):
        ContractFactory(
            pathway=path, start_date=START, planned_end_date=end, status=ContractStatus.ACTIVE, position="Agent·e"
        )
        ActionPlanFactory(pathway=path)
    return path


def test_a_contract_ending_without_exit_plan_fires_60_days_before_its_end(structure, counsellor):
    end = day(200)
    path = ending_contract(structure, counsellor, end)
    assert alerts_on(end - datetime.timedelta(days=61), counsellor, alerts.CONTRACT_ENDING) == []
    [alert] = alerts_on(end - datetime.timedelta(days=60), counsellor, alerts.CONTRACT_ENDING)
    assert alert.pathway == path
    assert alert.since == end - datetime.timedelta(days=60)
    assert alerts_on(end + datetime.timedelta(days=1), counsellor, alerts.CONTRACT_ENDING) == []


@pytest.mark.parametrize("section", [Section.JOB_SEARCH, Section.FOLLOW_UP])
def test_an_exit_action_due_before_the_end_silences_the_contract_alert(structure, counsellor, section):
    end = day(200)
    path = ending_contract(structure, counsellor, end)
    with at(START):
        ActionFactory(plan=path.action_plan, section=section, due_date=end - datetime.timedelta(days=5))
    assert alerts_on(end - datetime.timedelta(days=30), counsellor, alerts.CONTRACT_ENDING) == []


@pytest.mark.parametrize(
    "fields",
    [
        {"section": Section.JOB_SEARCH, "due_offset": 5},  # due after the end
        {"section": Section.JOB_SEARCH, "due_offset": -5, "status": ActionStatus.CANCELLED},
        {"section": Section.SKILLS, "due_offset": -5},  # not an exit action
        {"section": Section.JOB_SEARCH, "due_offset": None},  # no due date
    ],
)
def test_what_is_not_an_exit_plan_leaves_the_contract_alert(structure, counsellor, fields):
    end = day(200)
    path = ending_contract(structure, counsellor, end)
    offset = fields.pop("due_offset")
    due = None if offset is None else end + datetime.timedelta(days=offset)
    with at(START):
        ActionFactory(plan=path.action_plan, due_date=due, **fields)
    assert len(alerts_on(end - datetime.timedelta(days=30), counsellor, alerts.CONTRACT_ENDING)) == 1


def test_an_overdue_action_fires_the_day_after_its_due_date(structure, counsellor):
    path = opened(structure, counsellor)
    with at(START):
        plan = ActionPlanFactory(pathway=path)
        ActionFactory(plan=plan, due_date=day(5), status=ActionStatus.IN_PROGRESS)
        ActionFactory(plan=plan, due_date=day(8))
        ActionFactory(plan=plan, due_date=day(1), status=ActionStatus.DONE)
        ActionFactory(plan=plan, due_date=day(1), status=ActionStatus.CANCELLED)
    assert alerts_on(day(5), counsellor, alerts.ACTION_OVERDUE) == []
    [alert] = alerts_on(day(6), counsellor, alerts.ACTION_OVERDUE)
    assert alert.since == day(6)
    assert "1 action du plan est en retard" in alert.sentence
    [alert] = alerts_on(day(9), counsellor, alerts.ACTION_OVERDUE)
    assert "2 actions du plan sont en retard" in alert.sentence
    assert alert.since == day(6)


@override_settings(TREMPLIN_CASELOAD_LIMIT=2)
def test_the_caseload_alert_fires_above_the_limit_only(structure, counsellor):
    opened(structure, counsellor)
    opened(structure, counsellor)
    assert alerts_on(START, counsellor, alerts.CASELOAD_OVER) == []
    opened(structure, counsellor)
    [alert] = alerts_on(START, counsellor, alerts.CASELOAD_OVER)
    assert alert.pathway is None
    assert "3 personnes" in alert.sentence


def test_alerts_never_count_colleagues_or_finished_pathways(structure, counsellor, member):
    opened(structure, member(Role.COUNSELLOR))
    opened(structure, counsellor, Status.CLOSED)
    assert alerts_on(day(60), counsellor, alerts.NO_CONTACT) == []


def _rich_caseload(structure, counsellor, n):
    for _ in range(n):
        path = opened(structure, counsellor)
        with at(START):
            plan = ActionPlanFactory(pathway=path, follow_up_frequency="weekly")
            ActionFactory(plan=plan, due_date=day(1))
            ObservationFactory(pathway=path, observed_on=START, needs_social_follow_up=True)
        held_interview(path, START)


def test_alerts_of_a_caseload_take_two_queries_for_3_or_30_people(structure, counsellor, django_assert_num_queries):
    membership = Membership.objects.select_related("structure").get(user=counsellor)
    for n in (3, 27):
        _rich_caseload(structure, counsellor, n)
        with at(day(40)), django_assert_num_queries(2):
            # the pathways, then every figure of every pathway in one statement (alerts.read_figures)
            home = caseload_home(counsellor, membership)
    assert len(home.pathways) == 30
    kinds = {alert.kind for alert in home.alerts}
    assert kinds == {alerts.NO_CONTACT, alerts.INTERVIEW_LATE, alerts.ACTION_OVERDUE}


def test_the_figures_count_only_what_the_reader_may_see(structure, counsellor):
    path = opened(structure, counsellor)
    held_interview(path, day(3), visibility=Visibility.SOCIAL_STAFF_ONLY)
    held_interview(path, day(1), visibility=Visibility.WHOLE_TEAM)
    with at(day(2)):
        ObservationFactory(pathway=path, needs_social_follow_up=True, visibility=Visibility.SOCIAL_STAFF_ONLY)
    with at(day(5)):
        InterviewFactory(
            pathway=path, planned_at=timezone.now() + datetime.timedelta(days=4), visibility=Visibility.WHOLE_TEAM
        )
        now = timezone.now()

    everything = alerts.read_figures([path.pk], list(Visibility), day(5), now)[path.pk]
    team_only = alerts.read_figures([path.pk], [Visibility.WHOLE_TEAM], day(5), now)[path.pk]

    assert everything.last_attended == day(3)
    assert everything.flagged_observations == 1
    assert team_only.last_attended == day(1)
    assert team_only.flagged_observations == 0
    assert team_only.last_observation is None
    assert timezone.localtime(team_only.next_planned).date() == day(9)


def test_three_meetings_missed_in_a_row_raise_an_alert(structure, counsellor):
    path = opened(structure, counsellor)
    held_interview(path, day(1), attendance=Attendance.PRESENT)
    held_interview(path, day(3), attendance=Attendance.ABSENT_UNEXCUSED)
    held_interview(path, day(5), attendance=Attendance.ABSENT_EXCUSED)
    assert alerts_on(day(6), counsellor, alerts.MISSED_MEETINGS) == []
    held_interview(path, day(7), attendance=Attendance.ABSENT_UNEXCUSED)
    [alert] = alerts_on(day(8), counsellor, alerts.MISSED_MEETINGS)
    assert alert.since == day(7)
    assert "3 rendez-vous manqués d'affilée" in alert.sentence


def test_coming_again_ends_the_missed_meetings_alert(structure, counsellor):
    path = opened(structure, counsellor)
    for n in (1, 2, 3):
        held_interview(path, day(n), attendance=Attendance.ABSENT_UNEXCUSED)
    assert len(alerts_on(day(4), counsellor, alerts.MISSED_MEETINGS)) == 1
    held_interview(path, day(5), attendance=Attendance.PRESENT)
    held_interview(path, day(6), attendance=Attendance.ABSENT_UNEXCUSED)
    assert alerts_on(day(7), counsellor, alerts.MISSED_MEETINGS) == []
