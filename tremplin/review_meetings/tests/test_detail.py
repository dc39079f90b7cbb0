import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory, ObjectiveFactory
from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import verify_chain
from tremplin.barriers.factories import BarrierFactory
from tremplin.barriers.models import BarrierStatus
from tremplin.contracts.factories import ContractFactory
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.observations.factories import ObservationFactory
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.review_meetings.factories import ReviewDecisionFactory, ReviewItemFactory

SOCIAL = "Reste pour les sociaux : suivi addictologie"
TEAM = "Décision pour tous : prolonger de quatre mois"


def url(meeting):
    return reverse("review_meetings:detail", args=[meeting.public_id])


def _full_file(pathway, today):
    ContractFactory(
        pathway=pathway,
        start_date=today - datetime.timedelta(days=100),
        planned_end_date=today + datetime.timedelta(days=40),
    )
    TargetJobFactory(pathway=pathway, title="Agent·e espaces verts")
    plan = ActionPlanFactory(pathway=pathway)
    ObjectiveFactory(plan=plan)
    ActionFactory(plan=plan, due_date=today - datetime.timedelta(days=2))
    BarrierFactory(pathway=pathway, domain="mobility", status=BarrierStatus.BEING_WORKED_ON)
    BarrierFactory(pathway=pathway, domain="health", status=BarrierStatus.BEING_WORKED_ON)
    InterviewFactory(pathway=pathway, held_on=today - datetime.timedelta(days=5), visibility=Visibility.WHOLE_TEAM)
    ObservationFactory(pathway=pathway, needs_social_follow_up=True, text="Arrive fatiguée le lundi")


def test_the_agenda_shows_each_persons_summary_and_logs_the_reading(client, item, counsellor, today):
    _full_file(item.pathway, today)
    client.force_login(counsellor)
    response = client.get(url(item.meeting))
    assert response.status_code == 200
    summary = response.context["agenda"]["items"][0].summary
    assert summary.contract_end == today + datetime.timedelta(days=40)
    assert (summary.open_objectives, summary.overdue_actions) == (1, 1)
    assert summary.last_interview == today - datetime.timedelta(days=5)
    assert {b.domain for b in summary.worked_barriers} == {"mobility", "health"}
    page = response.content.decode()
    assert "Agent·e espaces verts" in page
    assert "Arrive fatiguée le lundi" in page
    assert "1 action en retard" in page
    entry = AccessLogEntry.objects.get(part="review_meeting")
    assert entry.person_public_id == item.pathway.person.public_id
    assert entry.object_public_id == str(item.meeting.public_id)
    assert verify_chain().ok


def test_a_participating_supervisor_sees_only_their_team_and_no_social_content(
    client, item, team_supervisor, make_pathway, today
):
    meeting = item.meeting
    meeting.participants.add(team_supervisor)
    _full_file(item.pathway, today)
    outside = ReviewItemFactory(meeting=meeting, pathway=make_pathway("Zoélinda", "Ailleursky"))
    ReviewDecisionFactory(item=item, text=SOCIAL, visibility=Visibility.SOCIAL_STAFF_ONLY)
    ReviewDecisionFactory(item=item, text=TEAM)
    ReviewDecisionFactory(item=outside, text="Décision sur une autre personne")
    client.force_login(team_supervisor)
    response = client.get(url(meeting))
    page = response.content.decode()
    assert response.status_code == 200
    assert [i.pk for i in response.context["agenda"]["items"]] == [item.pk]
    assert response.context["agenda"]["hidden"] == 1
    assert TEAM in page
    assert SOCIAL not in page
    assert "Ailleursky" not in page and "Décision sur une autre personne" not in page
    assert "Santé" not in page  # the health barrier is kept for the social staff
    assert "Enregistrer une décision" not in page


def test_the_social_staff_see_social_only_decisions(client, item, counsellor):
    ReviewDecisionFactory(item=item, text=SOCIAL, visibility=Visibility.SOCIAL_STAFF_ONLY)
    client.force_login(counsellor)
    assert SOCIAL in client.get(url(item.meeting)).content.decode()


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN, Role.DPO])
def test_other_roles_not_taking_part_get_403(client, member, meeting, role):
    client.force_login(member(role))
    assert client.get(url(meeting)).status_code == 403


def test_a_supervisor_not_taking_part_gets_404(client, meeting, supervisor):
    client.force_login(supervisor)
    assert client.get(url(meeting)).status_code == 404


def test_it_refuses_another_structures_meeting(client, meeting, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(meeting)).status_code == 404


# Queries of the agenda page for any number of people (the figure the issue asks for, with 30 people):
# session, user and memberships, the meeting and the access check, the agenda items and their decisions,
# the people's summary (one query with annotations) and its three prefetches, the participants, and the
# access log (the structure's chain lock, its last entry, one insert for everyone).
AGENDA_QUERIES = 17


@pytest.mark.parametrize("count", [3, 30])
def test_the_agenda_query_count_does_not_depend_on_the_number_of_people(
    client, structure, meeting, counsellor, make_pathway, today, count, django_assert_num_queries
):
    for n in range(count):
        pathway = make_pathway(f"Prénom{n}", f"Nom{n}", referent=counsellor)
        _full_file(pathway, today)
        item = ReviewItemFactory(meeting=meeting, pathway=pathway)
        ReviewDecisionFactory(item=item)
    client.force_login(counsellor)
    with django_assert_num_queries(AGENDA_QUERIES) as captured:
        response = client.get(url(meeting))
    assert len(response.context["agenda"]["items"]) == count
    assert AccessLogEntry.objects.filter(part="review_meeting").count() == count
    assert len(captured.captured_queries) == AGENDA_QUERIES
