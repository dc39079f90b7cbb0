import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import WorksiteFactory

URL = reverse("people:list")


def names_on_page(response) -> list[str]:
    return [pathway.person.first_name for pathway in response.context["page"].object_list]


@pytest.mark.django_db
def test_it_lists_one_row_per_pathway_with_team_and_contract_end(client, counsellor, pathway_of, worksite, member):
    supervisor = member(Role.SUPERVISOR)
    pathway = pathway_of(
        first_name="Amina",
        last_name="Diallo",
        status=Status.IN_CONTRACT,
        referent=counsellor,
        supervisor=supervisor,
        worksite=worksite,
    )
    ContractFactory(pathway=pathway, planned_end_date=datetime.date(2031, 3, 14), start_date=datetime.date(2030, 9, 15))
    client.force_login(counsellor)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("people:detail", args=[pathway.person.public_id]) in html
    assert "Diallo Amina" in html
    assert "ACI maraîchage" in html
    assert "En contrat" in html
    assert str(counsellor) in html
    assert str(supervisor) in html
    assert "Jardins du Sart" in html
    assert "14/03/2031" in html


@pytest.mark.django_db
def test_it_shows_only_the_current_contracts_end(client, counsellor, pathway_of):
    pathway = pathway_of(status=Status.IN_CONTRACT)
    ContractFactory(
        pathway=pathway,
        start_date=datetime.date(2029, 1, 1),
        planned_end_date=datetime.date(2029, 6, 30),
        status=ContractStatus.RENEWED,
    )
    ContractFactory(pathway=pathway, start_date=datetime.date(2029, 7, 1), planned_end_date=datetime.date(2029, 12, 31))
    ended = pathway_of(status=Status.EXITED)
    ContractFactory(
        pathway=ended,
        start_date=datetime.date(2028, 1, 1),
        planned_end_date=datetime.date(2028, 8, 31),
        status=ContractStatus.ENDED_EARLY,
    )
    client.force_login(counsellor)

    rows = {p.pk: p.current_contract_end for p in client.get(URL).context["page"].object_list}

    assert rows == {pathway.pk: datetime.date(2029, 12, 31), ended.pk: None}


@pytest.mark.django_db
def test_it_never_lists_another_structures_pathways(client, counsellor, pathway_of, other_structure):
    pathway_of(first_name="Mine")
    PathwayFactory(person__structure=other_structure, person__first_name="Theirs")
    client.force_login(counsellor)

    response = client.get(URL)

    assert names_on_page(response) == ["Mine"]
    assert "Theirs" not in response.content.decode()


@pytest.mark.django_db
def test_a_supervisor_sees_only_the_pathways_of_their_team(client, member, pathway_of, worksite):
    supervisor = member(Role.SUPERVISOR)
    worksite.supervisors.add(supervisor)
    pathway_of(first_name="Named", supervisor=supervisor)
    pathway_of(first_name="OnWorksite", worksite=worksite, status=Status.IN_CONTRACT)
    pathway_of(first_name="FormerOnWorksite", worksite=worksite, status=Status.EXITED)
    pathway_of(first_name="Elsewhere")
    client.force_login(supervisor)

    response = client.get(URL)

    assert response.status_code == 200
    assert sorted(names_on_page(response)) == ["Named", "OnWorksite"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.ADMIN, Role.CASE_MANAGER, Role.JOB_COACH])
def test_roles_seeing_all_people_see_every_pathway(client, member, pathway_of, role):
    pathway_of(first_name="Alpha")
    pathway_of(first_name="Beta")
    client.force_login(member(role))

    assert sorted(names_on_page(client.get(URL))) == ["Alpha", "Beta"]


@pytest.mark.django_db
def test_a_partner_does_not_even_see_that_the_list_exists(client, member):
    client.force_login(member(Role.PARTNER))

    assert client.get(URL).status_code == 404


@pytest.mark.django_db
def test_a_supervisor_without_team_gets_an_empty_list(client, member, pathway_of):
    pathway_of(first_name="Elsewhere")
    client.force_login(member(Role.SUPERVISOR))

    response = client.get(URL)

    assert response.status_code == 200
    assert names_on_page(response) == []


@pytest.mark.django_db
def test_an_inactive_member_is_refused(client, structure):
    membership = MembershipFactory(structure=structure, role=Role.COUNSELLOR, is_active=False)
    client.force_login(membership.user)

    assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_the_create_button_is_shown_only_to_editors(client, counsellor, member):
    client.force_login(counsellor)
    assert reverse("people:create") in client.get(URL).content.decode()

    client.force_login(member(Role.JOB_COACH))
    assert reverse("people:create") not in client.get(URL).content.decode()


@pytest.mark.django_db
def test_it_filters_by_status(client, counsellor, pathway_of):
    pathway_of(first_name="Candidate")
    pathway_of(first_name="Working", status=Status.IN_CONTRACT)
    client.force_login(counsellor)

    assert names_on_page(client.get(URL, {"status": Status.IN_CONTRACT})) == ["Working"]


@pytest.mark.django_db
def test_it_filters_by_referent_worksite_and_programme(client, structure, counsellor, member, pathway_of, worksite):
    colleague = member(Role.COUNSELLOR)
    other_programme = ProgrammeFactory(structure=structure, name="EI")
    other_worksite = WorksiteFactory(structure=structure)
    pathway_of(first_name="Mine", referent=counsellor, worksite=worksite)
    pathway_of(first_name="Theirs", referent=colleague, worksite=other_worksite, programme=other_programme)
    client.force_login(counsellor)

    assert names_on_page(client.get(URL, {"referent": colleague.pk})) == ["Theirs"]
    assert names_on_page(client.get(URL, {"worksite": worksite.pk})) == ["Mine"]
    assert names_on_page(client.get(URL, {"programme": other_programme.pk})) == ["Theirs"]


@pytest.mark.django_db
def test_the_text_search_needs_every_word_in_first_or_last_name(client, counsellor, pathway_of):
    pathway_of(first_name="Marie", last_name="Curie")
    pathway_of(first_name="Marie", last_name="Dupont")
    pathway_of(first_name="Pierre", last_name="Curie")
    client.force_login(counsellor)

    assert names_on_page(client.get(URL, {"q": "marie CUR"})) == ["Marie"]
    assert len(names_on_page(client.get(URL, {"q": "marie"}))) == 2
    assert names_on_page(client.get(URL, {"q": "marie zzz"})) == []


@pytest.mark.django_db
def test_a_bad_filter_value_is_reported_and_ignored(client, counsellor, pathway_of):
    pathway_of(first_name="Alpha")
    client.force_login(counsellor)

    response = client.get(URL, {"status": "nonsense", "worksite": "abc"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Certains critères sont incorrects" in html
    assert "Statut : Ce choix ne fait pas partie de la liste proposée." in html
    assert "Chantier : Ce choix ne fait pas partie de la liste proposée." in html
    assert names_on_page(response) == ["Alpha"]


@pytest.mark.django_db
def test_filters_never_offer_nor_accept_another_structures_records(client, counsellor, pathway_of, other_structure):
    outsider = MembershipFactory(structure=other_structure, role=Role.COUNSELLOR).user
    foreign_worksite = WorksiteFactory(structure=other_structure, name="Chantier étranger")
    foreign_programme = ProgrammeFactory(structure=other_structure, name="Dispositif étranger")
    pathway_of(first_name="Alpha")
    client.force_login(counsellor)

    html = client.get(URL).content.decode()
    assert str(outsider) not in html
    assert "Chantier étranger" not in html
    assert "Dispositif étranger" not in html

    response = client.get(
        URL, {"referent": outsider.pk, "worksite": foreign_worksite.pk, "programme": foreign_programme.pk}
    )
    assert set(response.context["filter_form"].errors) == {"referent", "worksite", "programme"}


@pytest.mark.django_db
def test_it_paginates_by_25_and_keeps_filters_in_page_links(client, counsellor, pathway_of):
    for index in range(30):
        pathway_of(first_name=f"P{index:02}", last_name="Martin")
    pathway_of(first_name="Other", last_name="Durand")
    client.force_login(counsellor)

    first = client.get(URL, {"q": "martin"})
    assert len(first.context["page"].object_list) == 25
    assert "?q=martin&amp;page=2" in first.content.decode()

    second = client.get(URL, {"q": "martin", "page": 2})
    assert len(second.context["page"].object_list) == 5
    assert "?q=martin&amp;page=1" in second.content.decode()


@pytest.mark.django_db
def test_a_bad_page_number_shows_a_page_rather_than_an_error(client, counsellor, pathway_of):
    pathway_of()
    client.force_login(counsellor)

    assert client.get(URL, {"page": "zzz"}).status_code == 200
    assert client.get(URL, {"page": "999"}).status_code == 200


def _fill(structure, programme, worksite, referent, supervisor, count):
    for _index in range(count):
        pathway = PathwayFactory(
            person__structure=structure,
            programme=programme,
            status=Status.IN_CONTRACT,
            referent=referent,
            supervisor=supervisor,
            worksite=worksite,
        )
        ContractFactory(pathway=pathway, worksite=worksite)


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [3, 30])
def test_the_query_count_does_not_depend_on_the_number_of_rows(
    client, structure, counsellor, member, programme, worksite, django_assert_num_queries, rows
):
    _fill(structure, programme, worksite, counsellor, member(Role.SUPERVISOR), rows)
    client.force_login(counsellor)

    with django_assert_num_queries(10):
        response = client.get(URL)

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [3, 30])
def test_the_query_count_is_also_constant_for_a_supervisor(
    client, structure, member, programme, worksite, django_assert_num_queries, rows
):
    supervisor = member(Role.SUPERVISOR)
    worksite.supervisors.add(supervisor)
    _fill(structure, programme, worksite, member(Role.COUNSELLOR), supervisor, rows)
    client.force_login(supervisor)

    with django_assert_num_queries(11):
        response = client.get(URL)

    assert len(response.context["page"].object_list) == min(rows, 25)
