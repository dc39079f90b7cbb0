import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.documents.factories import DocumentFactory
from tremplin.documents.models import Visibility
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure)


def page(client, person) -> str:
    response = client.get(reverse("people:detail", args=[person.public_id]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_person_page_lists_the_documents_with_upload_and_delete_for_editors(client, member, person):
    DocumentFactory(person=person, title="Attestation de domicile", visibility=Visibility.SOCIAL_STAFF_ONLY)
    client.force_login(member(Role.COUNSELLOR))

    html = page(client, person)

    assert "Attestation de domicile" in html
    assert reverse("documents:upload", args=[person.public_id]) in html
    assert "Supprimer" in html


@pytest.mark.django_db
def test_a_supervisor_sees_only_the_team_documents_and_no_upload(client, member, person):
    supervisor = member(Role.SUPERVISOR)
    PathwayFactory(person=person, supervisor=supervisor)
    DocumentFactory(person=person, title="Pièce d'identité", visibility=Visibility.SOCIAL_STAFF_ONLY)
    DocumentFactory(person=person, title="Fiche de poste signée", visibility=Visibility.WHOLE_TEAM)
    client.force_login(supervisor)

    html = page(client, person)

    assert "Fiche de poste signée" in html
    assert "Pièce d&#x27;identité" not in html and "Pièce d'identité" not in html
    assert reverse("documents:upload", args=[person.public_id]) not in html
    assert "Supprimer" not in html


@pytest.mark.django_db
def test_other_peoples_documents_are_not_listed(client, member, person, structure):
    DocumentFactory(person=PersonFactory(structure=structure), title="Document d'une autre personne")
    client.force_login(member(Role.COUNSELLOR))

    assert "Document d&#x27;une autre personne" not in page(client, person)


@pytest.mark.django_db
def test_the_list_costs_the_same_queries_whatever_the_number_of_documents(
    client, member, person, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member(Role.COUNSELLOR))
    DocumentFactory(person=person)
    with CaptureQueriesContext(connection) as one:
        page(client, person)
    for _ in range(5):
        DocumentFactory(person=person)

    with django_assert_num_queries(len(one)):
        html = page(client, person)

    assert html.count(reverse("documents:download", args=[person.documents.first().public_id])) == 1
