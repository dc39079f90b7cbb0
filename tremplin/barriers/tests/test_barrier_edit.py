import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.barriers.models import BarrierDomain, BarrierStatus
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def url(barrier):
    return reverse("barriers:edit", kwargs={"public_id": barrier.public_id})


def post_data(barrier, **overrides):
    data = {
        "status": BarrierStatus.BEING_WORKED_ON,
        "severity": "1",
        "on": TODAY().isoformat(),
        "note": "Inscription au code",
        "seen_status": barrier.status,
        "seen_severity": str(barrier.severity),
    }
    data.update(overrides)
    return data


def test_the_counsellor_sees_the_form_and_history(client, team, identify):
    barrier = identify(team["pathway"], by=team["counsellor"])
    client.force_login(team["counsellor"])
    response = client.get(url(barrier))
    assert response.status_code == 200
    assert "Identification" in response.content.decode()


def test_the_counsellor_records_a_change(client, team, identify):
    barrier = identify(team["pathway"])
    client.force_login(team["counsellor"])
    response = client.post(url(barrier), post_data(barrier))
    assert response.status_code == 302
    assert response.url == reverse("barriers:list", kwargs={"pathway_id": team["pathway"].public_id})
    barrier.refresh_from_db()
    assert (barrier.status, barrier.severity) == (BarrierStatus.BEING_WORKED_ON, 1)
    change = barrier.changes.last()
    assert (change.by, change.note) == (team["counsellor"], "Inscription au code")


def test_a_change_that_changes_nothing_is_refused_with_a_message(client, team, identify):
    barrier = identify(team["pathway"])
    client.force_login(team["counsellor"])
    response = client.post(url(barrier), post_data(barrier, status=barrier.status, severity=str(barrier.severity)))
    assert response.status_code == 200
    assert "Aucun changement à enregistrer" in response.content.decode()
    assert barrier.changes.count() == 1


def test_a_date_before_identification_is_refused(client, team, identify):
    barrier = identify(team["pathway"], days_ago=5)
    client.force_login(team["counsellor"])
    response = client.post(url(barrier), post_data(barrier, on=(TODAY() - datetime.timedelta(days=6)).isoformat()))
    assert response.status_code == 200
    assert "précéder l'identification" in response.context["form"].errors["on"][0]
    barrier.refresh_from_db()
    assert barrier.status == BarrierStatus.IDENTIFIED


def test_bad_status_is_refused(client, team, identify):
    barrier = identify(team["pathway"])
    client.force_login(team["counsellor"])
    response = client.post(url(barrier), post_data(barrier, status="gone", severity="9"))
    assert response.status_code == 200
    assert {"status", "severity"} <= set(response.context["form"].errors)


def test_a_colleagues_change_in_between_is_not_overwritten(client, team, member, identify):
    barrier = identify(team["pathway"])
    stale = post_data(barrier, status=BarrierStatus.LIFTED, severity="0")
    colleague = member(Role.CASE_MANAGER)
    client.force_login(colleague)
    assert (
        client.post(url(barrier), post_data(barrier, status=BarrierStatus.PERSISTING, severity="3")).status_code == 302
    )
    client.force_login(team["counsellor"])
    response = client.post(url(barrier), stale)
    assert response.status_code == 200
    assert "a modifié ce frein" in response.content.decode()
    barrier.refresh_from_db()
    assert barrier.status == BarrierStatus.PERSISTING


def test_a_supervisor_of_the_team_gets_403(client, team, identify):
    barrier = identify(team["pathway"], BarrierDomain.MOBILITY)
    client.force_login(team["supervisor"])
    assert client.get(url(barrier)).status_code == 403
    assert client.post(url(barrier), post_data(barrier)).status_code == 403


def test_a_social_staff_only_barrier_does_not_exist_for_the_supervisor(client, team, identify):
    barrier = identify(team["pathway"], BarrierDomain.HEALTH)
    client.force_login(team["supervisor"])
    assert client.get(url(barrier)).status_code == 404


def test_a_supervisor_outside_the_team_gets_404(client, team, member, identify):
    barrier = identify(team["pathway"])
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(barrier)).status_code == 404


def test_a_job_coach_gets_403(client, team, member, identify):
    barrier = identify(team["pathway"])
    client.force_login(member(Role.JOB_COACH))
    assert client.get(url(barrier)).status_code == 403


def test_it_refuses_another_structures_barrier(client, team, member, identify):
    barrier = identify(team["pathway"])
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    assert client.get(url(barrier)).status_code == 404
    assert client.post(url(barrier), post_data(barrier)).status_code == 404
