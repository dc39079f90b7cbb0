"""professional_project:list — the target jobs of a pathway, and adding one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.professional_project.models import TargetJob, TargetJobStatus
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("professional_project:list", args=[pathway.public_id])


def test_it_lists_the_jobs_and_offers_suggestions(client, member, make_pathway):
    pathway = make_pathway()
    TargetJobFactory(pathway=pathway, title="Maraîcher·ère", constraints="Travail en extérieur")
    TargetJobFactory(pathway=make_pathway(), title="Job d'une autre personne")
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(url(pathway))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1>") == 1
    assert "Maraîcher·ère" in content and "Travail en extérieur" in content
    assert "autre personne" not in content
    assert 'role="combobox"' in content and 'aria-controls="id_title-options"' in content
    assert 'role="listbox" id="id_title-options"' in content
    assert reverse("professional_project:job_search") in content  # the search without a script
    assert AccessLogEntry.objects.filter(part="professional_project", action="read").count() == 1


def test_a_counsellor_adds_a_job(client, member, make_pathway):
    user = member(Role.COUNSELLOR)
    pathway = make_pathway()
    client.force_login(user)
    response = client.post(
        url(pathway), {"title": "Cariste", "status": TargetJobStatus.TO_CONFIRM, "constraints": "CACES à passer"}
    )
    assert response.status_code == 302
    job = pathway.target_jobs.get()
    assert (job.title, job.job_code, job.status, job.created_by) == ("Cariste", "N1101", "to_confirm", user)


def test_an_empty_title_is_refused_with_a_message(client, member, make_pathway):
    pathway = make_pathway()
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(url(pathway), {"title": "", "status": TargetJobStatus.TO_EXPLORE})
    assert response.status_code == 200
    assert "Indiquez le métier visé" in response.content.decode()
    assert not TargetJob.objects.exists()


def test_a_malformed_code_is_refused(client, member, make_pathway):
    pathway = make_pathway()
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(url(pathway), {"title": "Soudeur", "job_code": "X99", "status": "to_explore"})
    assert response.status_code == 200
    assert "Le code ROME est une lettre" in response.content.decode()
    assert not TargetJob.objects.exists()


def test_a_job_coach_reads_without_the_form_and_cannot_add(client, member, make_pathway):
    pathway = make_pathway()
    TargetJobFactory(pathway=pathway, title="Cuisinier")
    client.force_login(member(Role.JOB_COACH))
    response = client.get(url(pathway))
    assert response.status_code == 200
    assert "Cuisinier" in response.content.decode()
    assert "Ajouter un métier visé" not in response.content.decode()
    assert client.post(url(pathway), {"title": "Cariste", "status": "to_explore"}).status_code == 403
    assert pathway.target_jobs.count() == 1


def test_the_team_supervisor_gets_403_and_another_supervisor_404(client, member, make_pathway):
    supervisor = member(Role.SUPERVISOR)
    pathway = make_pathway(supervisor=supervisor)
    client.force_login(supervisor)
    assert client.get(url(pathway)).status_code == 403
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(pathway)).status_code == 404


def test_a_partner_gets_404(client, member, make_pathway):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(make_pathway())).status_code == 404


def test_another_structures_member_gets_404(client, member, make_pathway):
    pathway = make_pathway()
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    assert client.get(url(pathway)).status_code == 404
    assert client.post(url(pathway), {"title": "Cariste", "status": "to_explore"}).status_code == 404
    assert not TargetJob.objects.exists()


def test_status_changes_are_shown_from_the_history(client, member, make_pathway):
    pathway = make_pathway()
    job = TargetJobFactory(pathway=pathway)
    job.status = TargetJobStatus.CONFIRMED
    job.save()
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(url(pathway)).content.decode()
    assert "À explorer le" in content and "Confirmé le" in content


def test_the_query_count_does_not_depend_on_the_number_of_jobs(client, member, make_pathway, django_assert_num_queries):
    pathway = make_pathway()
    TargetJobFactory(pathway=pathway)
    client.force_login(member(Role.COUNSELLOR))
    client.get(url(pathway))
    with CaptureQueriesContext(connection) as few:
        client.get(url(pathway))
    for job in TargetJobFactory.create_batch(15, pathway=pathway):
        job.status = TargetJobStatus.TO_CONFIRM
        job.save()
    with django_assert_num_queries(len(few)):
        client.get(url(pathway))
