import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionPlanFactory
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Kind

pytestmark = pytest.mark.django_db


def url(pathway) -> str:
    return reverse("interviews:list", kwargs={"pathway_id": pathway.public_id})


def test_planned_and_held_interviews_are_listed_newest_first(client, counsellor, pathway, held):
    old = held(30, notes="Premier entretien.")
    planned = InterviewFactory(pathway=pathway, planned_at=timezone.now() + datetime.timedelta(days=2))
    client.force_login(counsellor)

    response = client.get(url(pathway))

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [planned, old]
    assert "Premier entretien." in response.content.decode()
    assert AccessLogEntry.objects.filter(part="interviews", person_public_id=pathway.person.public_id).count() == 1


def test_the_next_interview_and_a_late_one_are_shown(client, counsellor, pathway, held, today):
    ActionPlanFactory(pathway=pathway, follow_up_frequency="weekly")
    held(10)
    client.force_login(counsellor)

    page = client.get(url(pathway)).content.decode()

    late_since = (today - datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    assert "Entretien en retard depuis le" in page
    assert late_since in page


def test_intake_answers_are_shown_to_the_social_staff(client, counsellor, pathway, held):
    held(1, kind=Kind.INTAKE, answers={"skills": "Bon contact", "health_limits": "Dos fragile"})
    client.force_login(counsellor)

    page = client.get(url(pathway)).content.decode()

    assert "Bon contact" in page
    assert "Dos fragile" in page


def test_a_job_coach_reads_whole_team_interviews_only_and_never_the_social_constraints(client, member, pathway, held):
    held(
        1,
        kind=Kind.INTAKE,
        visibility=Visibility.WHOLE_TEAM,
        answers={"skills": "Bon contact", "health_limits": "Dos fragile"},
    )
    held(2, notes="Dettes importantes", visibility=Visibility.SOCIAL_STAFF_ONLY)
    client.force_login(member(Role.JOB_COACH))

    response = client.get(url(pathway))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bon contact" in page
    assert "Dos fragile" not in page
    assert "Dettes importantes" not in page
    assert len(response.context["page"].object_list) == 1
    assert "interviews:edit" not in page and "/modifier/" not in page


@pytest.mark.parametrize("role", [Role.ADMIN, Role.DPO, Role.JOB_COACH, Role.DIRECTOR, Role.CASE_MANAGER])
def test_people_viewers_read_the_list(client, member, pathway, role):
    client.force_login(member(role))

    assert client.get(url(pathway)).status_code == 200


def test_a_partner_and_a_supervisor_outside_the_team_get_404(client, member, pathway):
    for role in (Role.PARTNER, Role.SUPERVISOR):
        client.force_login(member(role))
        assert client.get(url(pathway)).status_code == 404


def test_it_refuses_another_structures_pathway(client, pathway, other_structure_user):
    client.force_login(other_structure_user)

    assert client.get(url(pathway)).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_the_query_count_does_not_depend_on_the_number_of_interviews(
    client, counsellor, pathway, held, django_assert_num_queries, count
):
    ActionPlanFactory(pathway=pathway)
    for index in range(count):
        held(index + 1, led_by=counsellor, kind=Kind.INTAKE if index % 2 else Kind.INDIVIDUAL, answers={"skills": "x"})
    client.force_login(counsellor)

    # session, user, current membership; savepoint; the pathway (plan joined) and the membership of its
    # structure; count and page of interviews; the people's answers to the page's invitations (messaging);
    # the interviews for the next date; 3 for the access log; release.
    with django_assert_num_queries(14):
        response = client.get(url(pathway))

    assert len(response.context["page"].object_list) == min(count, 25)
