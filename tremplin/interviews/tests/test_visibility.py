"""A technical supervisor never reaches an interview kept for the social staff, by any route:
not its notes, nor its answers, nor its date through the next interview line, nor a count."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionPlanFactory
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Kind

pytestmark = pytest.mark.django_db

SECRET = "SECRET-SOCIAL-Dettes-et-suivi-psychologique"
SECRET_ANSWER = "SECRET-REPONSE-Traitement-en-cours"
SECRET_CONSTRAINT = "SECRET-CONTRAINTE-Dos-fragile"


@pytest.fixture
def interviews(pathway, held):
    ActionPlanFactory(pathway=pathway, follow_up_frequency="weekly")
    social = held(2, notes=SECRET, visibility=Visibility.SOCIAL_STAFF_ONLY)
    social_intake = held(
        20, kind=Kind.INTAKE, visibility=Visibility.SOCIAL_STAFF_ONLY, answers={"needs": SECRET_ANSWER}
    )
    social_planned = InterviewFactory(
        pathway=pathway, notes=SECRET, planned_at=timezone.now() + datetime.timedelta(days=1)
    )
    team_intake = held(
        30,
        kind=Kind.INTAKE,
        visibility=Visibility.WHOLE_TEAM,
        answers={"skills": "Ponctuel et soigneux", "health_limits": SECRET_CONSTRAINT},
    )
    team = held(40, kind=Kind.WORKSHOP, notes="Atelier CV collectif")
    return {"social": [social, social_intake, social_planned], "team": [team_intake, team]}


def assert_nothing_secret(page: str) -> None:
    for secret in (SECRET, SECRET_ANSWER, SECRET_CONSTRAINT):
        assert secret not in page


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.JOB_COACH, Role.ADMIN])
def test_the_list_shows_no_social_staff_interview_nor_counts_it(client, member, supervisor, pathway, interviews, role):
    viewer = supervisor if role == Role.SUPERVISOR else member(role)
    client.force_login(viewer)

    response = client.get(reverse("interviews:list", kwargs={"pathway_id": pathway.public_id}))

    assert response.status_code == 200
    page = response.content.decode()
    assert_nothing_secret(page)
    assert "Ponctuel et soigneux" in page
    assert "Atelier CV collectif" in page
    assert response.context["page"].paginator.count == 2
    # The next date ignores the hidden interviews: the last visible follow-up was 30 days ago (weekly plan).
    assert response.context["next_due"] == timezone.localdate() - datetime.timedelta(days=23)
    for interview in interviews["social"]:
        assert str(interview.public_id) not in page


@pytest.mark.parametrize("view", ["interviews:record", "interviews:edit"])
def test_record_and_edit_pages_of_a_social_staff_interview_are_not_found(client, supervisor, interviews, view):
    client.force_login(supervisor)

    for interview in interviews["social"]:
        address = reverse(view, kwargs={"public_id": interview.public_id})
        get = client.get(address)
        post = client.post(address, {"notes": "écrasé", "held_on": "", "attendance": ""})
        assert get.status_code == 404
        assert post.status_code == 404
        assert_nothing_secret(get.content.decode())
        interview.refresh_from_db()
        assert interview.notes != "écrasé"


def test_a_whole_team_interview_is_still_refused_for_writing(client, supervisor, interviews):
    client.force_login(supervisor)

    for interview in interviews["team"]:
        assert client.get(reverse("interviews:edit", kwargs={"public_id": interview.public_id})).status_code == 403


def test_the_person_page_line_does_not_reveal_hidden_interviews(client, supervisor, counsellor, pathway, interviews):
    address = reverse("people:detail", kwargs={"public_id": pathway.person.public_id})

    client.force_login(supervisor)
    page = client.get(address).content.decode()
    assert_nothing_secret(page)
    late_for_team = (timezone.localdate() - datetime.timedelta(days=23)).strftime("%d/%m/%Y")
    assert late_for_team in page

    client.force_login(counsellor)
    page = client.get(address).content.decode()
    # The social staff's date follows the interview held two days ago (weekly plan), or the one planned tomorrow.
    tomorrow = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).date().strftime("%d/%m/%Y")
    assert f"Prochain entretien : {tomorrow}" in page


def test_the_change_history_page_is_closed_to_the_supervisor_and_shows_no_interview(
    client, supervisor, counsellor, pathway, interviews
):
    address = reverse("people:history", kwargs={"public_id": pathway.person.public_id})

    client.force_login(supervisor)
    assert client.get(address).status_code in (403, 404)

    client.force_login(counsellor)
    response = client.get(address)
    assert response.status_code == 200
    assert_nothing_secret(response.content.decode())


def test_the_social_staff_read_everything(client, counsellor, pathway, interviews):
    client.force_login(counsellor)

    response = client.get(reverse("interviews:list", kwargs={"pathway_id": pathway.public_id}))

    page = response.content.decode()
    assert SECRET in page
    assert SECRET_ANSWER in page
    assert SECRET_CONSTRAINT in page
    assert response.context["page"].paginator.count == 5
