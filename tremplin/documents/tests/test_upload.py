import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.documents.factories import PDF_BYTES, PNG_BYTES
from tremplin.documents.models import Document, Visibility
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory


def url(person) -> str:
    return reverse("documents:upload", args=[person.public_id])


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure)


def post(client, person, content: bytes, name: str, **extra):
    data = {"title": "Attestation France Travail", "kind": "eligibility_proof", "visibility": "social_staff_only"}
    data.update(extra)
    data["file"] = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(url(person), data)


@pytest.mark.django_db
def test_it_stores_a_pdf_under_a_random_name_with_its_fingerprint(client, member, person, private_media):
    user = member(Role.COUNSELLOR)
    client.force_login(user)

    response = post(client, person, PDF_BYTES, "Attestation de Karim Haddad.pdf")

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.person == person and document.structure == person.structure
    assert document.original_name == "Attestation de Karim Haddad.pdf"
    assert document.content_type == "application/pdf"
    assert len(document.sha256) == 64 and document.size == len(PDF_BYTES)
    assert document.uploaded_by == user
    assert document.visibility == Visibility.SOCIAL_STAFF_ONLY
    files = stored_files(private_media)
    assert len(files) == 1
    assert "Karim" not in str(files[0]) and "Attestation" not in str(files[0])
    assert files[0].read_bytes() == PDF_BYTES


@pytest.mark.django_db
def test_it_accepts_a_png_whatever_the_browser_says(client, member, person):
    client.force_login(member(Role.COUNSELLOR))

    response = post(client, person, PNG_BYTES, "scan.pdf")

    assert response.status_code == 302
    assert Document.objects.get().content_type == "image/png"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [
        b"<?php system($_GET['c']); ?>",
        b"<html><script>alert(1)</script></html>",
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100,  # a Windows executable
    ],
)
def test_it_refuses_other_content_even_named_pdf_and_saves_nothing(client, member, person, private_media, content):
    client.force_login(member(Role.COUNSELLOR))

    response = post(client, person, content, "justificatif.pdf")

    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert "PDF, JPEG, PNG" in error and "fichier" in error
    assert not Document.objects.exists()
    assert stored_files(private_media) == []


@pytest.mark.django_db
def test_it_refuses_an_oversized_file_and_saves_nothing(client, member, person, private_media, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    client.force_login(member(Role.COUNSELLOR))

    response = post(client, person, PDF_BYTES + b"0" * 2048, "gros.pdf")

    assert response.status_code == 200
    assert "taille maximale" in response.context["form"].errors["file"][0]
    assert not Document.objects.exists()
    assert stored_files(private_media) == []


@pytest.mark.django_db
def test_a_missing_title_saves_nothing(client, member, person, private_media):
    client.force_login(member(Role.COUNSELLOR))

    response = post(client, person, PDF_BYTES, "a.pdf", title="")

    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not Document.objects.exists()
    assert stored_files(private_media) == []


@pytest.mark.django_db
def test_it_shows_the_form_with_the_allowed_types(client, member, person):
    client.force_login(member(Role.CASE_MANAGER))

    response = client.get(url(person))

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
    assert "PDF, JPEG ou PNG" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN, Role.DPO])
def test_roles_that_do_not_edit_people_are_refused(client, member, person, role):
    client.force_login(member(role))

    assert client.get(url(person)).status_code == 403
    assert post(client, person, PDF_BYTES, "a.pdf").status_code == 403
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_it_refuses_another_structures_person(client, member, person):
    client.force_login(member(Role.DIRECTOR, StructureFactory()))

    assert client.get(url(person)).status_code == 404
    assert post(client, person, PDF_BYTES, "a.pdf").status_code == 404
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_document_at_the_per_file_limit_still_passes_the_request_body_cap(client, member, person, private_media):
    from django.conf import settings

    from tremplin.documents.services import max_bytes

    assert settings.MAX_REQUEST_BODY_BYTES > max_bytes() + 1024 * 1024, "room for the form around the file"
    client.force_login(member(Role.COUNSELLOR))
    content = PDF_BYTES + b"0" * (max_bytes() - len(PDF_BYTES))

    response = post(client, person, content, "attestation.pdf")

    assert response.status_code == 302
    assert Document.objects.get().size == max_bytes()
