import shutil
import subprocess

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.people.factories import PersonFactory
from tremplin.rights.services import export_person
from tremplin.rights.views import render_export_html
from tremplin.structures.factories import StructureFactory

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def url(person):
    return reverse("rights:export_pdf", kwargs={"person_id": person.public_id})


def pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "export.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_it_downloads_a_pdf_with_the_persons_name_and_logs_it(client, member, full_person, tmp_path):
    person = full_person("Awa", "Diallo")
    director = member(Role.DIRECTOR)
    client.force_login(director)
    response = client.get(url(person))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content, tmp_path)
    assert "Diallo" in text
    assert "Maraîchage Awa" in text
    assert AccessLogEntry.objects.filter(
        person_public_id=person.public_id, action="export", actor_email=director.email
    ).exists()


def test_a_script_typed_in_a_free_text_field_stays_text_in_the_pdf_source(full_person):
    person = full_person(address=XSS)
    contract = person.pathways.get().contracts.get()
    contract.early_end_comment = XSS
    contract.save()
    html = render_export_html(export_person(person))
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.JOB_COACH])
def test_other_roles_are_refused(client, member, full_person, role):
    client.force_login(member(role))
    assert client.get(url(full_person())).status_code == 403


def test_it_refuses_another_structures_person(client, member):
    other = PersonFactory(structure=StructureFactory())
    client.force_login(member(Role.DPO))
    assert client.get(url(other)).status_code == 404
