import pytest
from django.conf import settings
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.documents.factories import PDF_BYTES, DocumentFactory
from tremplin.documents.models import Visibility
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory


def url(document) -> str:
    return reverse("documents:download", args=[document.public_id])


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure)


@pytest.fixture
def supervisor(member, person):
    user = member(Role.SUPERVISOR)
    PathwayFactory(person=person, supervisor=user)
    return user


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_it_serves_the_file_as_an_attachment_that_cannot_run(client, member, person):
    document = DocumentFactory(person=person, original_name='Reçu "été"\r\nX-Evil: 1.pdf')
    client.force_login(member(Role.COUNSELLOR))

    response = client.get(url(document))

    assert response.status_code == 200
    assert body(response) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="')
    assert "filename*=UTF-8''Re%C3%A7u%20%22%C3%A9t%C3%A9%22%0D%0AX-Evil%3A%201.pdf" in disposition
    assert "\r" not in disposition and "\n" not in disposition
    assert disposition.split(";")[1].strip().encode("ascii")


@pytest.mark.django_db
def test_every_download_is_written_in_the_access_log(client, member, person):
    from tremplin.audit.models import AccessLogEntry

    document = DocumentFactory(person=person)
    user = member(Role.COUNSELLOR)
    client.force_login(user)

    client.get(url(document))

    entry = AccessLogEntry.objects.filter(part="document", action="read").get()
    assert entry.person_public_id == person.public_id
    assert entry.object_public_id == str(document.public_id)
    assert entry.actor_id == user.id


@pytest.mark.django_db
def test_a_supervisor_never_gets_a_social_staff_only_document_even_by_url(client, person, supervisor):
    document = DocumentFactory(person=person, visibility=Visibility.SOCIAL_STAFF_ONLY)
    client.force_login(supervisor)

    assert client.get(url(document)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("visibility", [Visibility.WHOLE_TEAM, Visibility.SHAREABLE_WITH_PARTNERS])
def test_a_supervisor_gets_a_team_document_of_a_person_of_their_team(client, person, supervisor, visibility):
    document = DocumentFactory(person=person, visibility=visibility)
    client.force_login(supervisor)

    assert client.get(url(document)).status_code == 200


@pytest.mark.django_db
def test_a_supervisor_gets_nothing_of_a_person_outside_their_team(client, member, person):
    document = DocumentFactory(person=person, visibility=Visibility.WHOLE_TEAM)
    client.force_login(member(Role.SUPERVISOR))

    assert client.get(url(document)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN])
def test_members_outside_the_social_staff_do_not_get_social_staff_only_documents(client, member, person, role):
    document = DocumentFactory(person=person, visibility=Visibility.SOCIAL_STAFF_ONLY)
    client.force_login(member(role))

    assert client.get(url(document)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.DPO])
def test_the_social_staff_and_the_dpo_get_social_staff_only_documents(client, member, person, role):
    document = DocumentFactory(person=person, visibility=Visibility.SOCIAL_STAFF_ONLY)
    client.force_login(member(role))

    assert client.get(url(document)).status_code == 200


@pytest.mark.django_db
def test_a_partner_gets_nothing(client, member, person):
    document = DocumentFactory(person=person, visibility=Visibility.SHAREABLE_WITH_PARTNERS)
    client.force_login(member(Role.PARTNER))

    assert client.get(url(document)).status_code == 404


@pytest.mark.django_db
def test_it_refuses_another_structures_document(client, member, person):
    document = DocumentFactory(person=person)
    client.force_login(member(Role.DIRECTOR, StructureFactory()))

    assert client.get(url(document)).status_code == 404


@pytest.mark.django_db
def test_the_file_is_not_reachable_under_the_static_or_media_urls(client, member, person, private_media):
    document = DocumentFactory(person=person)
    client.force_login(member(Role.DIRECTOR))
    stored = document.file.name

    for prefix in (settings.STATIC_URL, getattr(settings, "MEDIA_URL", "") or "/media/", "/private/", "/var/private/"):
        prefix = "/" + prefix.strip("/") + "/"
        assert client.get(prefix + stored).status_code == 404
    assert private_media.resolve() in (private_media / stored).resolve().parents
    static_root = str(getattr(settings, "STATIC_ROOT", ""))
    assert not str(private_media.resolve()).startswith(static_root + "/") or not static_root
    with pytest.raises(ValueError):
        _ = document.file.url


def test_the_default_private_root_is_outside_the_static_folders():
    from tremplin.documents.storage import private_media_root

    root = private_media_root().resolve()
    for folder in [
        settings.STATIC_ROOT,
        *[d if isinstance(d, str | type(root)) else d[1] for d in settings.STATICFILES_DIRS],
    ]:
        folder = type(root)(folder).resolve()
        assert folder not in root.parents and folder != root
