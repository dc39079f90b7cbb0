import re
import zlib

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory

from .conftest import SOCIAL_ONLY_TEXT, TEAM_TEXT

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def url(pathway):
    return reverse("programme_documents:programme_pdf", kwargs={"pathway_id": pathway.public_id})


def test_the_referent_downloads_the_programme_as_a_pdf_and_it_is_logged(client, programme_pathway, pdf_text):
    counsellor = programme_pathway.counsellor
    client.force_login(counsellor)
    response = client.get(url(programme_pathway))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Diallo" in text
    assert "Programme individuel d'insertion" in text
    assert "Prochaines étapes" in text
    assert "Ouvrier·ère paysagiste" in text
    assert "auto-école solidaire" in text
    assert AccessLogEntry.objects.filter(
        person_public_id=programme_pathway.person.public_id,
        part="programme_pdf",
        action="export",
        actor_email=counsellor.email,
    ).exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.DPO])
def test_readers_of_the_social_file_see_the_social_only_barrier(client, member, programme_pathway, pdf_text, role):
    client.force_login(member(role))
    text = pdf_text(client.get(url(programme_pathway)).content)
    assert SOCIAL_ONLY_TEXT in text
    assert TEAM_TEXT in text


def test_a_script_typed_in_the_plan_stays_text_in_the_pdf(client, programme_pathway, pdf_text):
    objective = programme_pathway.action_plan.objectives.get()
    objective.text = XSS
    objective.save()
    programme_pathway.person.last_name = XSS
    programme_pathway.person.save()
    client.force_login(programme_pathway.counsellor)
    response = client.get(url(programme_pathway))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert '<script>alert("x")</script>' in text  # printed as characters, not run nor dropped


def test_a_script_is_escaped_in_the_html_the_pdf_is_made_from(rf, member, programme_pathway):
    from django.template.loader import render_to_string

    from tremplin.accounts.models import Membership
    from tremplin.programme_documents.services import programme_context

    programme_pathway.person.first_name = XSS
    membership = Membership.objects.get(user=programme_pathway.counsellor)
    html = render_to_string("programme_documents/programme_pdf.html", programme_context(programme_pathway, membership))
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.DPO])
def test_editors_and_the_dpo_may_print_it(client, member, programme_pathway, role):
    client.force_login(member(role))
    assert client.get(url(programme_pathway)).status_code == 200


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN])
def test_other_members_who_see_the_person_are_refused(client, member, programme_pathway, role):
    client.force_login(member(role))
    assert client.get(url(programme_pathway)).status_code == 403


def test_the_teams_supervisor_is_refused(client, programme_pathway):
    client.force_login(programme_pathway.team_supervisor)
    assert client.get(url(programme_pathway)).status_code == 403


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.PARTNER])
def test_members_who_may_not_see_the_person_get_404(client, member, programme_pathway, role):
    client.force_login(member(role))
    assert client.get(url(programme_pathway)).status_code == 404


def test_it_refuses_another_structures_pathway(client, member):
    other = PathwayFactory(person__structure=StructureFactory())
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(other)).status_code == 404


def test_a_pathway_with_nothing_yet_still_prints(client, structure, pdf_text):
    pathway = PathwayFactory(person__structure=structure, person__last_name="Martin")
    client.force_login(MembershipFactory(structure=structure, role=Role.COUNSELLOR).user)
    response = client.get(url(pathway))
    assert response.status_code == 200
    assert "Martin" in pdf_text(response.content)


def test_it_answers_get_only(client, programme_pathway):
    client.force_login(programme_pathway.counsellor)
    assert client.post(url(programme_pathway)).status_code == 405


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with its compressed streams (object streams included) inflated, to read its dictionaries."""
    parts = [pdf]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            pass
    return b"\n".join(parts)


def test_the_programme_pdf_is_tagged_for_screen_readers(client, programme_pathway, pdf_text):
    client.force_login(programme_pathway.counsellor)
    pdf = client.get(url(programme_pathway)).content
    objects = pdf_objects(pdf)
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", objects)
    assert b"/StructTreeRoot" in objects
    assert re.search(rb"/Lang\s*\(fr", objects)
    assert "Programme individuel d'insertion" in pdf_text(pdf)
