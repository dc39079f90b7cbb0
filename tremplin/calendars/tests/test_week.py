import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory

from .conftest import WEDNESDAY, at

URL = reverse("calendars:week")


def _week(client, **params):
    return client.get(URL, {"jour": WEDNESDAY.isoformat(), **params})


def test_the_week_shows_each_kind_of_appointment_linked_to_its_page(client, counsellor, week_of_work):
    client.force_login(counsellor)
    response = _week(client)
    html = response.content.decode()

    assert response.context["count"] == 4
    assert [day for day, _entries in response.context["days"]][0] == datetime.date(2026, 12, 7)
    assert "Entretien individuel – Paul Martin" in html and "09:30" in html
    assert reverse("interviews:list", args=[week_of_work["interview"].pathway.public_id]) in html
    assert reverse("workshops:detail", args=[week_of_work["workshop"].public_id]) in html
    assert reverse("review_meetings:detail", args=[week_of_work["meeting"].public_id]) in html
    assert reverse("immersions:detail", args=[week_of_work["immersion"].public_id]) in html
    assert "Parle de sa dette" not in html  # notes never in the agenda


def test_previous_and_next_weeks_and_today_are_one_tap_away(client, counsellor):
    client.force_login(counsellor)
    html = _week(client).content.decode()
    assert "?jour=2026-11-30" in html and "?jour=2026-12-14" in html
    assert f"{reverse('calendars:day')}?jour=2026-12-09" in html


def test_the_reads_of_the_people_shown_are_logged(client, counsellor, week_of_work):
    client.force_login(counsellor)
    _week(client)
    entry = AccessLogEntry.objects.get(part="calendar")
    assert entry.person_public_id == week_of_work["interview"].pathway.person.public_id


def test_an_interview_kept_for_the_social_staff_is_not_shown_to_who_may_not_read_it(client, structure, member):
    job_coach = member(Role.JOB_COACH)
    pathway = PathwayFactory(person=PersonFactory(structure=structure))
    InterviewFactory(
        pathway=pathway, led_by=job_coach, planned_at=at(WEDNESDAY, 10), visibility=Visibility.SOCIAL_STAFF_ONLY
    )
    InterviewFactory(pathway=pathway, led_by=job_coach, planned_at=at(WEDNESDAY, 15), visibility=Visibility.WHOLE_TEAM)
    client.force_login(job_coach)
    assert _week(client).context["count"] == 1


def test_a_supervisor_sees_only_the_people_of_their_team(client, structure, member):
    supervisor = member(Role.SUPERVISOR)
    theirs = PathwayFactory(person=PersonFactory(structure=structure), supervisor=supervisor)
    other = PathwayFactory(person=PersonFactory(structure=structure))
    for pathway in (theirs, other):
        InterviewFactory(pathway=pathway, led_by=supervisor, planned_at=at(WEDNESDAY, 10), visibility="whole_team")
    client.force_login(supervisor)
    assert _week(client).context["count"] == 1


def test_a_case_manager_chooses_a_colleagues_agenda(client, structure, counsellor, member, week_of_work):
    case_manager = member(Role.CASE_MANAGER)
    client.force_login(case_manager)
    colleague = counsellor.memberships.get()

    response = _week(client, membre=str(colleague.public_id))

    assert response.status_code == 200 and response.context["count"] == 4
    html = response.content.decode()
    assert "Agenda de Claire Martin." in html
    assert f"membre={colleague.public_id}" in html  # the navigation keeps the colleague
    assert "calendars:feed_manage" not in html and reverse("calendars:feed_manage") not in html  # not their feed


def test_a_counsellor_may_not_read_a_colleagues_agenda(client, structure, counsellor, member):
    colleague = MembershipFactory(structure=structure, role=Role.COUNSELLOR)
    client.force_login(counsellor)
    assert _week(client, membre=str(colleague.public_id)).status_code == 403


@pytest.mark.parametrize("value", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_member_answers_404(client, member, value):
    client.force_login(member(Role.DIRECTOR))
    assert _week(client, membre=value).status_code == 404


def test_a_member_of_another_structure_answers_404(client, member):
    stranger = MembershipFactory(structure=StructureFactory(), role=Role.COUNSELLOR)
    client.force_login(member(Role.DIRECTOR))
    assert _week(client, membre=str(stranger.public_id)).status_code == 404


def test_a_bad_date_falls_back_to_today_and_says_so(client, counsellor):
    client.force_login(counsellor)
    response = client.get(URL, {"jour": "2026-13-45"})
    assert response.status_code == 200
    assert "Jour : date attendue au format AAAA-MM-JJ" in response.content.decode()


def test_partners_have_no_agenda(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("count", [1, 12])
def test_constant_query_count(client, structure, counsellor, count, django_assert_num_queries):
    for n in range(count):
        pathway = PathwayFactory(person=PersonFactory(structure=structure), referent=counsellor)
        InterviewFactory(pathway=pathway, led_by=counsellor, planned_at=at(WEDNESDAY, 8 + n % 10))
    client.force_login(counsellor)
    _week(client)
    # The request's 5 (with its savepoint), interviews, workshops, meetings, immersions, the feed's existence,
    # then the access log's row for all the people seen (lock, last entry, insert) and the savepoint's release.
    with django_assert_num_queries(13):
        _week(client)
