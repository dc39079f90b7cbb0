"""The "follow-up due" alert on the référent's home (tremplin/dashboards/alerts.py), from its due day until recorded,
and the exit indicators block on the director's structure dashboard."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.dashboards import alerts
from tremplin.dashboards.services import caseload_home
from tremplin.exits.factories import ExitFactory, FollowUpFactory
from tremplin.exits.models import Outcome
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = pytest.mark.django_db

EXIT_ON = datetime.date(2026, 3, 2)
DUE = datetime.date(2026, 4, 2)


def at(day: datetime.date):
    return time_machine.travel(timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))), tick=False)


@pytest.fixture
def follow_up(structure, counsellor):
    pathway = PathwayFactory(person=PersonFactory(structure=structure), status=Status.FOLLOW_UP, referent=counsellor)
    exit_record = ExitFactory(pathway=pathway, exit_on=EXIT_ON)
    FollowUpFactory(exit=exit_record, months=3, due_on=datetime.date(2026, 6, 2))
    return FollowUpFactory(exit=exit_record, months=1, due_on=DUE)


def due_alerts(user, when):
    membership = Membership.objects.select_related("structure").get(user=user)
    with at(when):
        return [a for a in caseload_home(user, membership).alerts if a.kind == alerts.FOLLOW_UP_DUE]


def test_the_alert_appears_on_the_due_day_not_the_day_before(counsellor, follow_up):
    assert due_alerts(counsellor, DUE - datetime.timedelta(days=1)) == []
    [alert] = due_alerts(counsellor, DUE)
    assert alert.since == DUE
    assert "suivi à 1 mois après la sortie était prévu le 02/04/2026" in alert.sentence


def test_once_recorded_the_next_follow_up_takes_over_when_due(counsellor, follow_up):
    follow_up.outcome, follow_up.contacted_on = Outcome.STILL_IN_JOB, DUE
    follow_up.save()
    assert due_alerts(counsellor, datetime.date(2026, 5, 1)) == []
    [alert] = due_alerts(counsellor, datetime.date(2026, 6, 3))
    assert "suivi à 3 mois" in alert.sentence


def test_the_home_shows_the_alert_with_the_same_queries(client, counsellor, follow_up, django_assert_num_queries):
    from tremplin.dashboards.tests.test_home import QUERIES_CASELOAD

    client.force_login(counsellor)
    with at(DUE), django_assert_num_queries(QUERIES_CASELOAD):
        response = client.get(reverse("dashboards:home"))
    assert "suivi à 1 mois après la sortie" in response.content.decode()


def test_the_directors_dashboard_shows_this_years_exits(client, structure, member, follow_up):
    client.force_login(member(Role.DIRECTOR))
    with at(datetime.date(2026, 5, 1)):
        response = client.get(reverse("dashboards:structure"))
    indicators = response.context["overview"].exit_indicators
    assert indicators.total == 1 and indicators.counted == 1
    content = response.content.decode()
    assert (
        "Sorties depuis le début de l&#x27;année 2026" in content
        or "Sorties depuis le début de l'année 2026" in content
    )
    assert reverse("exits:indicators") in content
