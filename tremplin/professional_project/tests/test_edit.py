"""professional_project:edit — changing a target job, its status kept in the history."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.core.tests.helpers import with_token
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.professional_project.models import TargetJobStatus
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(job):
    return reverse("professional_project:edit", args=[job.public_id])


def data(**fields):
    values = {
        "title": "Jardinier·ère",
        "job_code": "A1203",
        "status": TargetJobStatus.CONFIRMED,
        "notes": "Stage réussi",
    }
    values.update(fields)
    return values


def test_a_counsellor_confirms_a_job_and_the_history_keeps_the_change(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(url(job)).status_code == 200
    assert client.post(url(job), with_token(client, url(job), data())).status_code == 302
    job.refresh_from_db()
    assert (job.status, job.notes) == (TargetJobStatus.CONFIRMED, "Stage réussi")
    assert [h.status for h in job.history.order_by("history_id")] == ["to_explore", "confirmed"]


def test_an_empty_title_is_refused_and_nothing_changes(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway(), title="Cariste")
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(url(job), data(title=""))
    assert response.status_code == 200
    job.refresh_from_db()
    assert job.title == "Cariste" and job.status == TargetJobStatus.TO_EXPLORE


def test_a_concurrent_change_is_not_overwritten(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(Role.COUNSELLOR))
    token = client.get(url(job)).context["form"]["concurrency_token"].value()
    job.notes = "Noté par une collègue"
    job.save()
    response = client.post(url(job), data(concurrency_token=token, notes="Ma version"))
    assert response.status_code == 200
    assert "Noté par une collègue" in response.content.decode()
    job.refresh_from_db()
    assert job.notes == "Noté par une collègue"


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN, Role.DPO])
def test_readers_cannot_edit(client, member, make_pathway, role):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(role))
    assert client.get(url(job)).status_code == 403
    assert client.post(url(job), data()).status_code == 403


def test_a_supervisor_outside_the_team_gets_404(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(job)).status_code == 404


def test_another_structures_member_gets_404(client, member, make_pathway):
    job = TargetJobFactory(pathway=make_pathway())
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    assert client.get(url(job)).status_code == 404
    assert client.post(url(job), data()).status_code == 404
