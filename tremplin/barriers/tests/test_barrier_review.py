import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.barriers import services
from tremplin.barriers.models import BarrierDomain, BarrierStatus
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def url(pathway):
    return reverse("barriers:review", kwargs={"pathway_id": pathway.public_id})


def test_the_review_shows_entry_and_current_state(client, team, identify):
    barrier = identify(team["pathway"], BarrierDomain.MOBILITY, severity=3, days_ago=90)
    services.update_barrier(barrier, status=BarrierStatus.LIFTED, severity=0, by=None, on=TODAY())
    identify(team["pathway"], BarrierDomain.HOUSING, severity=2, days_ago=80)
    client.force_login(team["counsellor"])
    response = client.get(url(team["pathway"]))
    assert response.status_code == 200
    assert response.context["lifted_count"] == 1
    html = response.content.decode()
    assert "niveau 3" in html and "Levé" in html
    assert AccessLogEntry.objects.filter(part="barriers_review").exists()


def test_a_supervisor_of_the_team_does_not_see_social_staff_only_barriers(client, team, identify):
    identify(team["pathway"], BarrierDomain.JUSTICE, description="Contrôle judiciaire")
    identify(team["pathway"], BarrierDomain.DIGITAL, description="Pas d'ordinateur")
    client.force_login(team["supervisor"])
    response = client.get(url(team["pathway"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pas d&#x27;ordinateur" in html
    assert "Contrôle judiciaire" not in html and "Justice" not in html


def test_a_supervisor_outside_the_team_gets_404(client, team, member):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(team["pathway"])).status_code == 404


def test_a_partner_gets_404(client, team, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(team["pathway"])).status_code == 404


def test_it_refuses_another_structures_pathway(client, team, member):
    client.force_login(member(Role.COUNSELLOR, StructureFactory()))
    assert client.get(url(team["pathway"])).status_code == 404


def test_query_count_is_constant(client, team, identify, django_assert_num_queries):
    identify(team["pathway"], BarrierDomain.MOBILITY, by=team["counsellor"])
    client.force_login(team["counsellor"])
    client.get(url(team["pathway"]))
    with CaptureQueriesContext(connection) as few:
        client.get(url(team["pathway"]))
    for domain in (BarrierDomain.HOUSING, BarrierDomain.FAMILY, BarrierDomain.OTHER):
        barrier = identify(team["pathway"], domain, days_ago=10)
        services.update_barrier(
            barrier,
            status=BarrierStatus.PERSISTING,
            severity=3,
            by=team["counsellor"],
            on=TODAY() - datetime.timedelta(days=1),
        )
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url(team["pathway"])).status_code == 200
