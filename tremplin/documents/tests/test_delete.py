import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.documents.factories import DocumentFactory
from tremplin.documents.models import Document
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory


def url(document) -> str:
    return reverse("documents:delete", args=[document.public_id])


@pytest.fixture
def document(structure):
    return DocumentFactory(person=PersonFactory(structure=structure))


@pytest.mark.django_db(transaction=True)
def test_it_deletes_the_row_and_the_file_and_logs_it(client, member, document, private_media):
    from tremplin.audit.models import AccessLogEntry

    path = private_media / document.file.name
    assert path.exists()
    client.force_login(member(Role.COUNSELLOR))

    response = client.post(url(document))

    assert response.status_code == 302
    assert not Document.objects.exists()
    assert not path.exists()
    assert AccessLogEntry.objects.filter(part="document", action="delete").count() == 1


@pytest.mark.django_db
def test_get_changes_nothing(client, member, document):
    client.force_login(member(Role.COUNSELLOR))

    assert client.get(url(document)).status_code == 405
    assert Document.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN, Role.DPO])
def test_roles_that_do_not_edit_people_cannot_delete(client, member, document, role):
    client.force_login(member(role))

    assert client.post(url(document)).status_code == 403
    assert Document.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.PARTNER])
def test_those_who_may_not_see_the_person_get_404(client, member, document, role):
    client.force_login(member(role))

    assert client.post(url(document)).status_code == 404
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_it_refuses_another_structures_document(client, member, document):
    client.force_login(member(Role.DIRECTOR, StructureFactory()))

    assert client.post(url(document)).status_code == 404
    assert Document.objects.count() == 1
