from django.test import override_settings
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory, UserFactory
from tremplin.accounts.middleware import SESSION_KEY
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Status
from tremplin.structures.factories import StructureFactory

from .helpers import TODAY, in_contract, pathway, worksite

URL = reverse("dashboards:home")


def get(client, user):
    client.force_login(user)
    return client.get(URL)


def test_it_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_tells_an_account_without_structure_that_it_belongs_to_none_yet(client, db):
    response = get(client, UserFactory())
    assert response.status_code == 200
    assert "aucune structure" in response.content.decode()


def test_an_inactive_membership_counts_as_no_structure(client, db):
    membership = MembershipFactory(role=Role.COUNSELLOR, is_active=False)
    response = get(client, membership.user)
    assert "aucune structure" in response.content.decode()


def test_a_counsellor_sees_their_people_with_programme_status_and_contract_end(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    candidate = pathway(structure, Status.CANDIDATE, referent=counsellor)
    working, contract = in_contract(structure, referent=counsellor, end_in_days=45)
    response = get(client, counsellor)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mes personnes" in html
    assert candidate.person.full_name in html
    assert reverse("people:detail", args=[working.person.public_id]) in html
    assert working.programme.name in html
    assert contract.planned_end_date.strftime("%d/%m/%Y") in html
    counts = {row.status: row.count for row in response.context["counts"]}
    assert counts[Status.CANDIDATE] == 1
    assert counts[Status.IN_CONTRACT] == 1
    assert response.context["active"] == 2


def test_a_counsellor_does_not_see_colleagues_people_or_finished_pathways(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    colleague = member(Role.COUNSELLOR)
    theirs = pathway(structure, Status.CANDIDATE, referent=colleague)
    closed = pathway(structure, Status.CLOSED, referent=counsellor)
    withdrawn = pathway(structure, Status.WITHDRAWN, referent=counsellor)
    refused = pathway(structure, Status.NOT_ELIGIBLE, referent=counsellor)
    html = get(client, counsellor).content.decode()
    for hidden in (theirs, closed, withdrawn, refused):
        assert hidden.person.full_name not in html
    assert "Aucune personne ne vous est confiée" in html


def test_a_counsellor_never_sees_another_structures_people(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    other = StructureFactory()
    MembershipFactory(user=counsellor, structure=other, role=Role.COUNSELLOR)
    elsewhere = pathway(other, Status.CANDIDATE, referent=counsellor)
    here = pathway(structure, Status.CANDIDATE, referent=counsellor)
    client.force_login(counsellor)
    session = client.session
    session[SESSION_KEY] = str(structure.public_id)
    session.save()
    html = client.get(URL).content.decode()
    assert here.person.full_name in html
    assert elsewhere.person.full_name not in html


@override_settings(TREMPLIN_CASELOAD_LIMIT=2)
def test_a_counsellor_is_warned_in_words_when_the_caseload_exceeds_the_limit(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    for status in (Status.CANDIDATE, Status.ELIGIBLE, Status.FOLLOW_UP):
        pathway(structure, status, referent=counsellor)
    pathway(structure, Status.CLOSED, referent=counsellor)
    html = get(client, counsellor).content.decode()
    assert "Attention : 3 personnes suivies, au-delà des 2 recommandées" in html


@override_settings(TREMPLIN_CASELOAD_LIMIT=2)
def test_no_caseload_warning_at_the_limit(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    pathway(structure, Status.CANDIDATE, referent=counsellor)
    pathway(structure, Status.ELIGIBLE, referent=counsellor)
    response = get(client, counsellor)
    assert response.context["warning"] == ""
    assert "Attention" not in response.content.decode()


def test_a_case_manager_sees_their_own_caseload(client, structure, member):
    manager = member(Role.CASE_MANAGER)
    mine = pathway(structure, Status.ELIGIBLE, referent=manager)
    html = get(client, manager).content.decode()
    assert "Mes personnes" in html
    assert mine.person.full_name in html


def test_the_caseload_is_paginated(client, structure, member):
    counsellor = member(Role.COUNSELLOR)
    for _ in range(27):
        pathway(structure, Status.CANDIDATE, referent=counsellor)
    response = get(client, counsellor)
    assert len(response.context["page"].object_list) == 25
    assert "Page 1 sur 2" in response.content.decode()
    assert len(client.get(URL, {"page": 2}).context["page"].object_list) == 2


def _caseload(structure, counsellor, n):
    for i in range(n):
        if i % 2:
            in_contract(structure, referent=counsellor)
        else:
            pathway(structure, Status.ELIGIBLE, referent=counsellor)


def test_the_caseload_page_runs_the_same_queries_for_3_or_30_people(
    client, structure, member, django_assert_num_queries
):
    counsellor = member(Role.COUNSELLOR)
    client.force_login(counsellor)
    _caseload(structure, counsellor, 3)
    with django_assert_num_queries(QUERIES_CASELOAD):
        assert client.get(URL).status_code == 200
    _caseload(structure, counsellor, 27)
    with django_assert_num_queries(QUERIES_CASELOAD):
        assert client.get(URL).status_code == 200


# session, user, membership (middleware), savepoint and release (ATOMIC_REQUESTS),
# then the whole caseload, and every figure of its alerts in one statement (alerts.read_figures); the page is
# cut in Python, and the people per status are counted from the caseload in memory.
QUERIES_CASELOAD = 7
# Issue 4: the annotated team (attendance today) and the recent observations, instead of page count and rows.
QUERIES_TEAM = 7
QUERIES_IN_CONTRACT = 7


def test_a_supervisor_sees_their_team_with_worksite_position_and_contract_end(client, structure, member):
    supervisor = member(Role.SUPERVISOR)
    site = worksite(structure, supervisors=[supervisor], name="Maraîchage des Prés")
    on_site, contract = in_contract(structure, worksite=site, position="Ouvrier·ère maraîcher·ère", end_in_days=30)
    named, _ = in_contract(structure, supervisor=supervisor)
    elsewhere, _ = in_contract(structure, worksite=worksite(structure))
    html = get(client, supervisor).content.decode()
    assert "Mon équipe" in html
    assert on_site.person.full_name in html
    assert named.person.full_name in html
    assert elsewhere.person.full_name not in html
    assert "Maraîchage des Prés" in html
    assert "Ouvrier·ère maraîcher·ère" in html
    assert contract.planned_end_date.strftime("%d/%m/%Y") in html


def test_a_supervisor_does_not_see_another_structures_team(client, structure, member):
    supervisor = member(Role.SUPERVISOR)
    other = StructureFactory()
    foreign, _ = in_contract(other, supervisor=supervisor)
    html = get(client, supervisor).content.decode()
    assert foreign.person.full_name not in html


def test_the_team_page_runs_the_same_queries_for_3_or_30_people(client, structure, member, django_assert_num_queries):
    supervisor = member(Role.SUPERVISOR)
    site = worksite(structure, supervisors=[supervisor])
    client.force_login(supervisor)
    for _ in range(3):
        in_contract(structure, worksite=site)
    with django_assert_num_queries(QUERIES_TEAM):
        assert client.get(URL).status_code == 200
    for _ in range(27):
        in_contract(structure, worksite=site)
    with django_assert_num_queries(QUERIES_TEAM):
        response = client.get(URL)
    assert response.context["page"].paginator.count == 30


def test_a_director_lands_on_the_structure_overview(client, structure, member):
    response = get(client, member(Role.DIRECTOR))
    assert response.status_code == 200
    assert "Tableau de bord" in response.content.decode()
    assert response.context["overview"].structure == structure


def test_an_administrator_lands_on_the_structure_overview(client, structure, member):
    response = get(client, member(Role.ADMIN))
    assert response.context["overview"].structure == structure


def test_a_job_coach_sees_the_people_in_contract_with_their_contract_end(client, structure, member):
    coach = member(Role.JOB_COACH)
    working, contract = in_contract(structure, end_in_days=20)
    candidate = pathway(structure, Status.CANDIDATE)
    foreign, _ = in_contract(StructureFactory())
    html = get(client, coach).content.decode()
    assert "Personnes en contrat" in html
    assert working.person.full_name in html
    assert contract.planned_end_date.strftime("%d/%m/%Y") in html
    assert candidate.person.full_name not in html
    assert foreign.person.full_name not in html


def test_the_job_coach_page_runs_the_same_queries_for_3_or_30_people(
    client, structure, member, django_assert_num_queries
):
    coach = member(Role.JOB_COACH)
    client.force_login(coach)
    for _ in range(3):
        in_contract(structure)
    with django_assert_num_queries(QUERIES_IN_CONTRACT):
        client.get(URL)
    for _ in range(27):
        in_contract(structure)
    with django_assert_num_queries(QUERIES_IN_CONTRACT):
        response = client.get(URL)
    assert response.context["page"].paginator.count == 30


def test_a_partner_is_told_nothing_is_shared_yet(client, structure, member):
    working, _ = in_contract(structure)
    response = get(client, member(Role.PARTNER))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucun parcours n'est partagé avec vous" in html
    assert working.person.full_name not in html


def test_home_answers_405_to_a_post(client, structure, member):
    client.force_login(member(Role.COUNSELLOR))
    assert client.post(URL).status_code == 405


def test_contract_end_dates_shown_are_of_the_running_contract(client, structure, member):
    """A renewed contract is no longer running: the renewal's end date is the one that matters."""
    import datetime

    from tremplin.contracts.factories import ContractFactory
    from tremplin.contracts.models import ContractStatus

    counsellor = member(Role.COUNSELLOR)
    path, first = in_contract(structure, referent=counsellor, end_in_days=-1)
    first.status = ContractStatus.RENEWED
    first.save()
    renewal = ContractFactory(
        pathway=path,
        renews=first,
        start_date=TODAY,
        planned_end_date=TODAY + datetime.timedelta(days=200),
        status=ContractStatus.ACTIVE,
    )
    html = get(client, counsellor).content.decode()
    assert renewal.planned_end_date.strftime("%d/%m/%Y") in html
    assert first.planned_end_date.strftime("%d/%m/%Y") not in html


def test_a_job_coach_sees_the_host_organisation_of_a_placement(client, structure, member):
    coach = member(Role.JOB_COACH)
    _, contract = in_contract(structure)
    contract.host_organisation = "Maison de repos Les Tilleuls"
    contract.save()
    assert "Maison de repos Les Tilleuls" in get(client, coach).content.decode()


def test_a_supervisor_no_longer_sees_closed_pathways_of_their_team(client, structure, member):
    supervisor = member(Role.SUPERVISOR)
    closed = pathway(structure, Status.CLOSED, supervisor=supervisor)
    following = pathway(structure, Status.FOLLOW_UP, supervisor=supervisor)
    html = get(client, supervisor).content.decode()
    assert closed.person.full_name not in html
    assert following.person.full_name in html
