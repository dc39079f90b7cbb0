import html as html_lib

import pytest
from django.test import override_settings
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory, UserFactory
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Status
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import StructureFactory
from tremplin.structures.models import StructureKind

from .helpers import TODAY, in_contract, pathway, programme_of, worksite

URL = reverse("dashboards:structure")


def get(client, user):
    client.force_login(user)
    return client.get(URL)


def text(response) -> str:
    """The page with HTML entities decoded, to compare with sentences."""
    return html_lib.unescape(response.content.decode())


def test_it_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.ADMIN, Role.CASE_MANAGER])
def test_roles_with_the_structure_dashboard_capability_see_it(client, structure, member, role):
    response = get(client, member(role))
    assert response.status_code == 200
    assert response.context["overview"].structure == structure


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.JOB_COACH, Role.PARTNER])
def test_other_roles_are_refused(client, structure, member, role):
    assert get(client, member(role)).status_code == 403


def test_an_account_without_structure_is_refused(client, db):
    assert get(client, UserFactory()).status_code == 403


def test_it_shows_only_the_current_structure(client, structure, member):
    """A director of structure B sees B's figures, never A's people."""
    foreign, _ = in_contract(structure, end_in_days=10)
    other = StructureFactory()
    director_b = MembershipFactory(structure=other, role=Role.DIRECTOR).user
    response = get(client, director_b)
    assert response.context["overview"].structure == other
    assert foreign.person.full_name not in response.content.decode()
    assert all(row.count == 0 for row in response.context["overview"].status_counts)


def test_it_counts_people_by_status_with_links_to_the_people_list(client, structure, member):
    pathway(structure, Status.CANDIDATE)
    pathway(structure, Status.CANDIDATE)
    in_contract(structure)
    response = get(client, member(Role.DIRECTOR))
    counts = {row.status: row.count for row in response.context["overview"].status_counts}
    assert counts[Status.CANDIDATE] == 2
    assert counts[Status.IN_CONTRACT] == 1
    assert counts[Status.CLOSED] == 0
    assert f"{reverse('people:list')}?status=candidate" in response.content.decode()


def test_it_lists_contracts_ending_within_the_window_with_days_left(client, structure, member):
    site = worksite(structure, name="Blanchisserie du Moulin")
    soon, contract = in_contract(structure, worksite=site, end_in_days=12)
    later, _ = in_contract(structure, end_in_days=61)
    response = get(client, member(Role.DIRECTOR))
    html = response.content.decode()
    ending = response.context["overview"].ending
    assert [row.contract for row in ending] == [contract]
    assert ending[0].days_left == 12
    assert soon.person.full_name in html
    assert later.person.full_name not in html
    assert "Blanchisserie du Moulin" in html
    assert "12 jours" in html
    assert contract.planned_end_date.strftime("%d/%m/%Y") in html


@override_settings(TREMPLIN_CONTRACT_ENDING_DAYS=90)
def test_the_ending_window_follows_the_setting(client, structure, member):
    _, contract = in_contract(structure, end_in_days=80)
    response = get(client, member(Role.DIRECTOR))
    assert [row.contract for row in response.context["overview"].ending] == [contract]
    assert "90 jours" in response.content.decode()


def test_it_warns_in_words_when_a_worksite_exceeds_the_aci_ratio(client, structure, member):
    programme_of(structure, ProgrammeKind.FR_ACI)
    supervisor = member(Role.SUPERVISOR)
    site = worksite(structure, supervisors=[supervisor], name="Bâtiment", capacity=14)
    for _ in range(13):
        in_contract(structure, worksite=site)
    response = get(client, member(Role.DIRECTOR))
    html = text(response)
    [load] = response.context["overview"].worksites
    assert load.workers == 13
    assert "Taux d'encadrement dépassé : 13 personnes en contrat pour 1 encadrant·e," in html
    assert "au plus 12 personnes par encadrant·e" in html
    assert str(supervisor) in html


def test_twelve_people_per_supervisor_is_within_the_ratio(client, structure, member):
    site = worksite(structure, supervisors=[member(Role.SUPERVISOR)])
    for _ in range(12):
        in_contract(structure, worksite=site)
    response = get(client, member(Role.DIRECTOR))
    [load] = response.context["overview"].worksites
    assert load.warning == ""
    assert "Conforme" in response.content.decode()


def test_a_worksite_with_people_and_no_supervisor_is_flagged(client, structure, member):
    site = worksite(structure)
    in_contract(structure, worksite=site)
    html = get(client, member(Role.DIRECTOR)).content.decode()
    assert "Aucun·e encadrant·e technique pour 1 personne en contrat." in html


def test_programmes_without_a_ratio_give_no_ratio_warning(client, member):
    structure = StructureFactory(kind=StructureKind.EI)
    programme = programme_of(structure, ProgrammeKind.FR_EI)
    director = member(Role.DIRECTOR, structure)
    site = worksite(structure, supervisors=[member(Role.SUPERVISOR, structure)])
    for _ in range(13):
        in_contract(structure, worksite=site, programme=programme)
    response = get(client, director)
    assert response.context["overview"].supervision_limit is None
    assert response.context["overview"].worksites[0].warning == ""
    assert "ne fixent pas de taux d'encadrement" in text(response)


@override_settings(TREMPLIN_CASELOAD_LIMIT=2)
def test_it_shows_the_caseload_of_each_referent_and_warns_above_the_limit(client, structure, member):
    busy = member(Role.COUNSELLOR)
    calm = member(Role.CASE_MANAGER)
    for status in (Status.CANDIDATE, Status.ELIGIBLE, Status.EXITED):
        pathway(structure, status, referent=busy)
    pathway(structure, Status.CLOSED, referent=calm)
    pathway(structure, Status.CANDIDATE)
    response = get(client, member(Role.DIRECTOR))
    html = text(response)
    rows = {row.name: row for row in response.context["overview"].referents}
    assert rows[str(busy)].active == 3
    assert rows[str(busy)].warning
    assert rows[str(calm)].active == 0
    assert rows[str(calm)].warning == ""
    assert "Attention : 3 personnes suivies, au-delà des 2 recommandées" in html
    assert "Attention : 1 parcours en cours n'a pas de référent·e." in html


def test_it_shows_the_italian_legal_ratios(client, member):
    coop = StructureFactory(kind=StructureKind.COOP_B, total_workers=20)
    programme = programme_of(coop, ProgrammeKind.IT_COOP_B)
    for _ in range(5):
        in_contract(coop, programme=programme)
    response = get(client, member(Role.DIRECTOR, coop))
    html = text(response)
    italy = response.context["overview"].italy
    assert italy.disadvantaged == 5
    assert italy.share_met is False
    assert italy.needed == 6
    assert italy.disability_quota == 1
    assert "Part insuffisante : 5 personnes défavorisées sur 20 travailleur·ses, il en faut au moins 6 (30 %)." in html
    assert "loi 68/1999" in html


def test_it_says_when_the_italian_share_is_met(client, member):
    coop = StructureFactory(kind=StructureKind.COOP_B, total_workers=20)
    programme = programme_of(coop, ProgrammeKind.IT_COOP_B)
    for _ in range(6):
        in_contract(coop, programme=programme)
    response = get(client, member(Role.DIRECTOR, coop))
    assert response.context["overview"].italy.share_met is True
    assert "Part respectée" in response.content.decode()


def test_french_structures_have_no_italian_ratios(client, structure, member):
    response = get(client, member(Role.DIRECTOR))
    assert response.context["overview"].italy is None
    assert "loi 381/1991" not in response.content.decode()


def _fill(structure, n, site, referent):
    for i in range(n):
        if i % 3 == 0:
            pathway(structure, Status.CANDIDATE, referent=referent)
        else:
            in_contract(structure, worksite=site, referent=referent, end_in_days=10 + i)


# session, user, membership (middleware), savepoint and release (ATOMIC_REQUESTS), programme kinds,
# caseloads, memberships of référent·es, status counts, ending contracts, worksites with load,
# their supervisors, exits by type and situation at 6 months (tremplin/exits), barriers per domain.
QUERIES_STRUCTURE = 15


def test_the_dashboard_runs_the_same_queries_for_3_or_30_people(client, structure, member, django_assert_num_queries):
    director = member(Role.DIRECTOR)
    counsellor = member(Role.COUNSELLOR)
    site = worksite(structure, supervisors=[member(Role.SUPERVISOR)])
    client.force_login(director)
    _fill(structure, 3, site, counsellor)
    with django_assert_num_queries(QUERIES_STRUCTURE):
        assert client.get(URL).status_code == 200
    _fill(structure, 27, site, member(Role.COUNSELLOR))
    worksite(structure, supervisors=[member(Role.SUPERVISOR), member(Role.SUPERVISOR)])
    with django_assert_num_queries(QUERIES_STRUCTURE):
        response = client.get(URL)
    assert len(response.context["overview"].ending) == 20


def test_the_italian_dashboard_adds_one_query(client, member, django_assert_num_queries):
    coop = StructureFactory(kind=StructureKind.COOP_B, total_workers=30)
    programme = programme_of(coop, ProgrammeKind.IT_COOP_B)
    site = worksite(coop, supervisors=[member(Role.SUPERVISOR, coop)])
    client.force_login(member(Role.DIRECTOR, coop))
    for _ in range(3):
        in_contract(coop, programme=programme, worksite=site)
    with django_assert_num_queries(QUERIES_STRUCTURE + 1):
        client.get(URL)
    for _ in range(27):
        in_contract(coop, programme=programme, worksite=site)
    with django_assert_num_queries(QUERIES_STRUCTURE + 1):
        client.get(URL)


def test_it_answers_405_to_a_post(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    assert client.post(URL).status_code == 405


def test_days_left_is_zero_on_the_last_day(client, structure, member):
    in_contract(structure, end_in_days=0)
    response = get(client, member(Role.CASE_MANAGER))
    assert response.context["overview"].ending[0].days_left == 0
    assert response.context["overview"].today == TODAY
