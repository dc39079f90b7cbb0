"""The counsellor's home with next interviews, overdue actions, flagged observations and alerts;
the supervisor's home with recent observations and missing attendance; who sees what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.observations.factories import AttendanceRecordFactory, ObservationFactory
from tremplin.pathways.models import Status
from tremplin.structures.factories import StructureFactory

from .helpers import in_contract, pathway, worksite

URL = reverse("dashboards:home")


def html_for(client, user) -> str:
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def overdue_person(structure, referent):
    path = pathway(structure, Status.ELIGIBLE, referent=referent)
    plan = ActionPlanFactory(pathway=path)
    ActionFactory(plan=plan, due_date=timezone.localdate() - datetime.timedelta(days=3), title="Atelier CV")
    return path


def test_a_counsellor_sees_alerts_in_words_with_a_link_to_the_person(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    path = overdue_person(structure, counsellor)
    html = html_for(client, counsellor)
    assert "Alerte :" in html
    assert "1 action du plan est en retard" in html
    assert reverse("people:detail", args=[path.person.public_id]) in html
    assert "depuis le" in html


def test_a_counsellor_without_alerts_is_told_so(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    pathway(structure, Status.ELIGIBLE, referent=counsellor)
    assert "Aucune alerte" in html_for(client, counsellor)


def test_the_caseload_table_shows_next_interview_overdue_actions_and_unread_flagged_observations(
    client, structure, member
):
    counsellor = member(Role.COUNSELLOR)
    path = overdue_person(structure, counsellor)
    planned = timezone.now() + datetime.timedelta(days=4)
    InterviewFactory(pathway=path, planned_at=planned)
    ObservationFactory(pathway=path, needs_social_follow_up=True)
    ObservationFactory(pathway=path, needs_social_follow_up=True, visibility=Visibility.SOCIAL_STAFF_ONLY)
    ObservationFactory(pathway=path, needs_social_follow_up=True, acknowledged_at=timezone.now())
    ObservationFactory(pathway=path, needs_social_follow_up=False)
    client.force_login(counsellor)
    response = client.get(URL)
    [row] = response.context["page"].object_list
    assert row.overdue_actions == 1
    assert row.flagged_observations == 2
    assert row.next_interview_on == timezone.localtime(planned).date()
    html = response.content.decode()
    assert timezone.localtime(planned).date().strftime("%d/%m/%Y") in html
    assert reverse("observations:inbox") in html


def test_a_colleagues_person_never_appears_in_the_alerts(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    theirs = overdue_person(structure, member(Role.COUNSELLOR))
    foreign = overdue_person(StructureFactory(), counsellor)
    html = html_for(client, counsellor)
    assert theirs.person.full_name not in html
    assert foreign.person.full_name not in html


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.JOB_COACH, Role.DIRECTOR, Role.PARTNER])
def test_only_referents_get_the_caseload_alerts(client, structure, member, role):
    user = member(role)
    overdue_person(structure, member(Role.COUNSELLOR))
    html = html_for(client, user)
    assert "Alerte :" not in html
    assert "en retard" not in html


def team(structure, supervisor, n=1):
    site = worksite(structure, supervisors=[supervisor], name="Espaces verts du Parc")
    return site, [in_contract(structure, worksite=site, position="Jardinier·ère")[0] for _ in range(n)]


def test_the_supervisor_sees_recent_team_observations_at_the_levels_they_may_read(client, structure, member):
    supervisor = member(Role.SUPERVISOR)
    _, (path,) = team(structure, supervisor)
    today = timezone.localdate()
    ObservationFactory(pathway=path, observed_on=today, text="Très bon travail à la taille des haies.")
    ObservationFactory(
        pathway=path, observed_on=today - datetime.timedelta(days=6), text="Arrivé en avance toute la semaine."
    )
    ObservationFactory(
        pathway=path, observed_on=today, text="Confidence sur sa santé.", visibility=Visibility.SOCIAL_STAFF_ONLY
    )
    ObservationFactory(pathway=path, observed_on=today - datetime.timedelta(days=7), text="Remarque trop ancienne.")
    outsider = pathway(structure, Status.IN_CONTRACT)
    ObservationFactory(pathway=outsider, observed_on=today, text="Hors de votre équipe.")
    html = html_for(client, supervisor)
    assert "Très bon travail à la taille des haies." in html
    assert "Arrivé en avance toute la semaine." in html
    assert "Confidence sur sa santé." not in html
    assert "Remarque trop ancienne." not in html
    assert "Hors de votre équipe." not in html


def test_the_supervisor_sees_who_has_no_attendance_today(client, structure, member):
    supervisor = member(Role.SUPERVISOR)
    _, (present, missing, yesterday_only) = team(structure, supervisor, 3)
    today = timezone.localdate()
    AttendanceRecordFactory(pathway=present, day=today)
    AttendanceRecordFactory(pathway=yesterday_only, day=today - datetime.timedelta(days=1))
    client.force_login(supervisor)
    response = client.get(URL)
    assert set(response.context["without_attendance"]) == {missing, yesterday_only}
    html = response.content.decode()
    assert "Présence non saisie aujourd" in html
    assert reverse("observations:attendance") in html
    assert "Jardinier·ère" in html
    assert "Espaces verts du Parc" in html


def test_the_supervisor_home_runs_the_same_queries_with_observations_for_3_or_30_people(
    client, structure, member, django_assert_num_queries
):
    from .test_home import QUERIES_TEAM

    supervisor = member(Role.SUPERVISOR)
    site = worksite(structure, supervisors=[supervisor])
    client.force_login(supervisor)
    for n in (3, 27):
        for _ in range(n):
            path, _ = in_contract(structure, worksite=site)
            ObservationFactory(pathway=path)
            AttendanceRecordFactory(pathway=path, day=timezone.localdate())
        with django_assert_num_queries(QUERIES_TEAM):
            response = client.get(URL)
    assert len(response.context["recent_observations"]) == 30


def test_a_director_who_follows_people_sees_their_alerts_on_the_home(client, structure, member):
    director = member(Role.DIRECTOR)
    own = overdue_person(structure, director)
    colleagues = overdue_person(structure, member(Role.COUNSELLOR))
    html = html_for(client, director)
    assert "Tableau de bord" in html  # still the structure's figures
    assert "Alertes de la personne dont vous êtes référent·e" in html
    assert f"{own.person.full_name} : 1 action du plan est en retard" in html
    assert reverse("people:detail", args=[own.person.public_id]) in html
    assert f"{colleagues.person.full_name} : 1 action" not in html


def test_a_director_whose_people_are_all_up_to_date_is_told_so(client, structure, member):
    director = member(Role.DIRECTOR)
    pathway(structure, Status.ELIGIBLE, referent=director)
    html = html_for(client, director)
    assert "Alertes de la personne dont vous êtes référent·e" in html
    assert "Aucune alerte : chaque personne a été vue récemment et son plan est à jour." in html


def test_a_directors_home_reads_their_caseload_in_two_queries_whatever_its_size(
    client, structure, member, django_assert_num_queries
):
    from .test_structure import QUERIES_STRUCTURE

    director = member(Role.DIRECTOR)
    worksite(structure, supervisors=[member(Role.SUPERVISOR)])  # as in the structure dashboard's count
    client.force_login(director)
    with django_assert_num_queries(QUERIES_STRUCTURE):
        client.get(URL)  # no caseload: no query more than the structure's figures
    for _ in range(3):
        overdue_person(structure, director)
    with django_assert_num_queries(QUERIES_STRUCTURE + 2):
        client.get(URL)
    for _ in range(27):
        overdue_person(structure, director)
    with django_assert_num_queries(QUERIES_STRUCTURE + 2):
        response = client.get(URL)
    assert "Alertes des 30 personnes dont vous êtes référent·e" in response.content.decode()
