"""Evidence of a competence: a situation described, or a file kept with the person's documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tremplin.competences.models import Evidence
from tremplin.documents.models import Document

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_a_photo_of_work_done_is_kept_as_a_document(client, supervisor, session, soft_skills):
    client.force_login(supervisor)
    response = client.post(
        reverse("competences:evidence_add", args=[session.public_id]),
        {
            "competence": str(soft_skills[0].public_id),
            "kind": "photo",
            "description": "Haie taillée seul",
            "file": SimpleUploadedFile("haie.png", PNG),
        },
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.document.person == session.pathway.person
    assert evidence.document.visibility == "whole_team"


def test_a_file_that_is_not_an_image_or_pdf_saves_nothing(client, supervisor, session, soft_skills):
    client.force_login(supervisor)
    response = client.post(
        reverse("competences:evidence_add", args=[session.public_id]),
        {
            "competence": str(soft_skills[0].public_id),
            "kind": "photo",
            "description": "x",
            "file": SimpleUploadedFile("virus.png", b"MZ not an image"),
        },
    )

    assert "ni un PDF" in response.content.decode()
    assert not Evidence.objects.exists()
    assert not Document.objects.exists()


def test_a_competence_outside_the_session_is_refused(client, supervisor, session):
    from tremplin.competences.factories import CompetenceFactory

    client.force_login(supervisor)
    response = client.post(
        reverse("competences:evidence_add", args=[session.public_id]),
        {"competence": str(CompetenceFactory().public_id), "kind": "observation", "description": "x"},
    )

    assert response.status_code == 200
    assert not Evidence.objects.exists()
