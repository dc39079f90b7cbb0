"""professional_project:delete — removing a target job (POST only)."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.professional_project.models import TargetJob
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(job):
    return reverse("professional_project:delete", args=[job.public_id])


def test_a_counsellor_removes_a_job(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(url(job))
    assert response.status_code == 302
    assert response.url == reverse("professional_project:list", args=[job.pathway.public_id])
    assert not TargetJob.objects.exists()


def test_get_is_refused(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(url(job)).status_code == 405
    assert TargetJob.objects.exists()


def test_a_job_coach_cannot_remove(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(Role.JOB_COACH))
    assert client.post(url(job)).status_code == 403
    assert TargetJob.objects.exists()


def test_supervisors_cannot_remove(client, member, make_pathway):
    supervisor = member(Role.SUPERVISOR)
    job = TargetJobFactory(pathway=make_pathway(supervisor=supervisor))
    client.force_login(supervisor)
    assert client.post(url(job)).status_code == 403
    client.force_login(member(Role.SUPERVISOR))
    assert client.post(url(job)).status_code == 404
    assert TargetJob.objects.exists()


def test_another_structures_member_gets_404(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    assert client.post(url(job)).status_code == 404
    assert TargetJob.objects.exists()
