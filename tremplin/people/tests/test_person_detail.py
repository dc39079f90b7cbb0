import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.pathways import services
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory


def url(person) -> str:
    return reverse("people:detail", args=[person.public_id])


@pytest.fixture
def person(structure):
    return PersonFactory(
        structure=structure,
        first_name="Karim",
        last_name="Haddad",
        email="karim@example.org",
        phone="06 98 76 54 32",
        address="8 allée des Peupliers",
        postcode="59100",
        city="Roubaix",
        languages="arabe, français",
    )


@pytest.fixture
def supervisor(member):
    return member(Role.SUPERVISOR)


@pytest.fixture
def pathway(person, programme, counsellor, supervisor, worksite):
    pathway = services.open_pathway(
        person=person, programme=programme, by=counsellor, referent=counsellor, supervisor=supervisor, worksite=worksite
    )
    services.change_status(pathway, Status.WITHDRAWN, by=counsellor, reason="Déménagement à Lyon")
    return pathway


@pytest.mark.django_db
def test_it_shows_identity_contact_situation_and_each_pathway(client, counsellor, person, pathway, supervisor):
    client.force_login(counsellor)

    response = client.get(url(person))

    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "<h1>Karim Haddad</h1>",
        "karim@example.org",
        "06 98 76 54 32",
        "8 allée des Peupliers",
        "arabe, français",
        "Hors Union européenne" if person.nationality == "non_eu" else "Non renseignée",
        "ACI maraîchage",
        "Désistement",
        str(counsellor),
        str(supervisor),
        "Jardins du Sart",
    ]:
        assert text in html, text


@pytest.mark.django_db
def test_it_shows_the_status_history_with_who_when_and_why(client, counsellor, person, pathway):
    client.force_login(counsellor)

    html = client.get(url(person)).content.decode()

    assert "Candidat·e → Désistement" in html
    assert "Déménagement à Lyon" in html
    assert "Candidature enregistrée" in html
    assert html.count(str(counsellor)) >= 3


@pytest.mark.django_db
def test_it_includes_the_eligibility_and_contract_parts(client, counsellor, person, pathway):
    diagnosis = EligibilityDiagnosisFactory(pathway=pathway)
    CriterionProofFactory(diagnosis=diagnosis)
    ContractFactory(pathway=pathway, position="Agent·e d'entretien des espaces verts")
    client.force_login(counsellor)

    html = client.get(url(person)).content.decode()

    assert "Bénéficiaire du RSA" in html
    assert "Agent·e d&#x27;entretien des espaces verts" in html


@pytest.mark.django_db
def test_editors_get_the_edit_status_team_and_new_pathway_buttons(client, counsellor, person, pathway):
    client.force_login(counsellor)

    html = client.get(url(person)).content.decode()

    assert reverse("people:edit", args=[person.public_id]) in html
    assert reverse("pathways:open", args=[person.public_id]) in html
    assert reverse("pathways:status", args=[pathway.public_id]) in html
    assert reverse("pathways:team", args=[pathway.public_id]) in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN])
def test_readers_see_the_page_without_editing_buttons(client, member, person, pathway, role):
    client.force_login(member(role))

    response = client.get(url(person))

    assert response.status_code == 200
    html = response.content.decode()
    assert "06 98 76 54 32" in html
    assert reverse("people:edit", args=[person.public_id]) not in html
    assert reverse("pathways:status", args=[pathway.public_id]) not in html


@pytest.mark.django_db
def test_a_supervisor_of_the_team_sees_the_work_facts_but_no_contact_or_address(client, person, pathway, supervisor):
    ContractFactory(pathway=pathway, position="Agent·e de maraîchage")
    client.force_login(supervisor)

    response = client.get(url(person))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Karim Haddad" in html
    assert "Jardins du Sart" in html
    assert "Désistement" in html
    assert "Agent·e de maraîchage" in html
    for private in ["06 98 76 54 32", "0698765432", "karim@example.org", "8 allée des Peupliers", "arabe, français"]:
        assert private not in html, private
    assert "Déménagement à Lyon" not in html


@pytest.mark.django_db
def test_a_worksite_supervisor_sees_a_person_working_there(client, member, person, programme, worksite, counsellor):
    worksite_supervisor = member(Role.SUPERVISOR)
    worksite.supervisors.add(worksite_supervisor)
    pathway = services.open_pathway(person=person, programme=programme, by=counsellor, worksite=worksite)
    pathway.status = Status.IN_CONTRACT
    pathway.save()
    client.force_login(worksite_supervisor)

    assert client.get(url(person)).status_code == 200


@pytest.mark.django_db
def test_a_supervisor_sees_only_the_pathways_of_their_team(client, structure, person, pathway, supervisor, counsellor):
    other = services.open_pathway(
        person=person, programme=ProgrammeFactory(structure=structure, name="Autre dispositif"), by=counsellor
    )
    client.force_login(supervisor)

    response = client.get(url(person))

    assert [p.pk for p in response.context["pathways"]] == [pathway.pk]
    assert "Autre dispositif" not in response.content.decode()
    assert other.pk


@pytest.mark.django_db
def test_a_supervisor_outside_the_team_gets_404(client, member, person, pathway):
    client.force_login(member(Role.SUPERVISOR))

    assert client.get(url(person)).status_code == 404


@pytest.mark.django_db
def test_a_partner_does_not_learn_that_the_person_exists(client, member, person, pathway):
    client.force_login(member(Role.PARTNER))

    assert client.get(url(person)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR])
def test_it_refuses_another_structures_person(client, person, pathway, other_structure, role):
    client.force_login(MembershipFactory(structure=other_structure, role=role).user)

    assert client.get(url(person)).status_code == 404


@pytest.mark.django_db
def test_an_unknown_person_is_404(client, counsellor):
    client.force_login(counsellor)

    assert client.get(reverse("people:detail", args=["00000000-0000-0000-0000-000000000000"])).status_code == 404


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client, person):
    response = client.get(url(person))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_a_person_without_pathway_is_shown_to_counsellors(client, counsellor, person):
    client.force_login(counsellor)

    response = client.get(url(person))

    assert response.status_code == 200
    assert "Aucun parcours pour cette personne." in response.content.decode()


def _rich_pathway(person, programme, by, worksite):
    pathway = services.open_pathway(person=person, programme=programme, by=by, referent=by, worksite=worksite)
    services.change_status(pathway, Status.NOT_ELIGIBLE, by=by, reason="Pas de critère")
    services.change_status(pathway, Status.CANDIDATE, by=by, reason="Situation nouvelle")
    for _index in range(2):
        diagnosis = EligibilityDiagnosisFactory(pathway=pathway, made_by=by)
        CriterionProofFactory(diagnosis=diagnosis, criterion_code="rsa")
        CriterionProofFactory(diagnosis=diagnosis, criterion_code="ald", criterion_label="Chômage de longue durée")
    for _index in range(2):
        contract = ContractFactory(pathway=pathway, worksite=worksite, signed_by=by)
        SuspensionFactory(contract=contract, recorded_by=by)
    return pathway


@pytest.mark.django_db
@pytest.mark.parametrize("pathways", [1, 4])
def test_the_query_count_does_not_depend_on_the_number_of_pathways(
    client, structure, counsellor, person, worksite, django_assert_num_queries, pathways
):
    for index in range(pathways):
        _rich_pathway(person, ProgrammeFactory(structure=structure, name=f"D{index}"), counsellor, worksite)
    client.force_login(counsellor)

    # +1: the person's documents the viewer may read (documents/_person_documents.html), one query.
    # +2: the information records and the consents (consent/_person_consents.html).
    # +3: the access log entry of this read (lock the chain head, insert the entry, move the head).
    # +1: the interviews the viewer may see, for the next interview date (interviews/_pathway_next_interview.html).
    # +2: the welcome steps and the target jobs (welcome/_pathway_welcome.html, professional_project/_pathway_project.html).
    # +1: the action plan's objectives and overdue actions counted (action_plan/_pathway_action_plan.html).
    # +1: the badges awarded (badges/_pathway_badges.html; +1 more for their definitions when there are some).
    with django_assert_num_queries(27):
        response = client.get(url(person))

    assert len(response.context["pathways"]) == pathways
