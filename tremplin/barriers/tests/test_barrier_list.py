import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.barriers import services
from tremplin.barriers.models import Barrier, BarrierDomain, BarrierStatus
from tremplin.core.visibility import Visibility
from tremplin.structures.factories import StructureFactory
from tremplin.toolbox.factories import ToolboxEntryFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("barriers:list", kwargs={"pathway_id": pathway.public_id})


def test_the_counsellor_sees_each_domain_with_its_history_and_suggestions(client, team, identify):
    barrier = identify(team["pathway"], BarrierDomain.MOBILITY, by=team["counsellor"], description="Pas de permis")
    services.update_barrier(
        barrier,
        status=BarrierStatus.BEING_WORKED_ON,
        severity=1,
        note="Auto-école sociale",
        by=None,
        on=timezone.localdate(),
    )
    client.force_login(team["counsellor"])
    response = client.get(url(team["pathway"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pas de permis" in html
    assert "Auto-école sociale" in html
    assert "En cours de traitement" in html
    assert "Financer le permis de conduire" in html  # a built-in toolbox suggestion
    assert (
        reverse("toolbox:to_action", kwargs={"public_id": response.context["barriers"][0].suggested[0].public_id})
        in html
    )
    assert "Ajouter un frein" in html


def test_the_page_logs_the_read(client, team):
    client.force_login(team["counsellor"])
    client.get(url(team["pathway"]))
    assert AccessLogEntry.objects.filter(
        part="barriers", action="read", person_public_id=team["pathway"].person.public_id
    ).exists()


def test_a_supervisor_of_the_team_reads_whole_team_barriers_only(client, team, identify):
    identify(team["pathway"], BarrierDomain.MOBILITY, description="Trajet trop long")
    identify(team["pathway"], BarrierDomain.HEALTH, description="Suivi médical confidentiel")
    client.force_login(team["supervisor"])
    response = client.get(url(team["pathway"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trajet trop long" in html
    assert "Suivi médical confidentiel" not in html
    assert "Santé" not in html
    assert "Ajouter un frein" not in html  # reading only


def test_a_job_coach_reads_without_forms_and_cannot_add(client, team, member, identify):
    identify(team["pathway"], BarrierDomain.JUSTICE, description="Obligations du SPIP")
    coach = member(Role.JOB_COACH)
    client.force_login(coach)
    response = client.get(url(team["pathway"]))
    assert response.status_code == 200
    assert "Obligations du SPIP" not in response.content.decode()
    assert "Ajouter un frein" not in response.content.decode()
    assert client.post(url(team["pathway"]), {"domain": "housing", "severity": 2}).status_code == 403
    assert not Barrier.objects.exists() or not Barrier.objects.filter(domain="housing").exists()


def test_the_dpo_reads_social_staff_only_barriers(client, team, member, identify):
    identify(team["pathway"], BarrierDomain.ADDICTIONS, description="Consultation en cours")
    client.force_login(member(Role.DPO))
    assert "Consultation en cours" in client.get(url(team["pathway"])).content.decode()


def test_a_supervisor_outside_the_team_gets_404(client, team, member):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(team["pathway"])).status_code == 404


def test_a_partner_gets_404(client, team, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(team["pathway"])).status_code == 404


def test_it_refuses_another_structures_pathway(client, team, member):
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    assert client.get(url(team["pathway"])).status_code == 404
    assert client.post(url(team["pathway"]), {"domain": "housing", "severity": 2}).status_code == 404


def test_the_counsellor_adds_a_barrier(client, team):
    client.force_login(team["counsellor"])
    response = client.post(
        url(team["pathway"]),
        {
            "domain": "health",
            "description": "Douleurs de dos",
            "severity": "3",
            "identified_on": timezone.localdate().isoformat(),
            "visibility": "",
        },
    )
    assert response.status_code == 302
    barrier = Barrier.objects.get()
    assert (barrier.domain, barrier.severity, barrier.visibility) == ("health", 3, Visibility.SOCIAL_STAFF_ONLY)
    assert barrier.changes.get().by == team["counsellor"]


def test_bad_input_names_the_field_and_saves_nothing(client, team):
    client.force_login(team["counsellor"])
    response = client.post(
        url(team["pathway"]),
        {
            "domain": "",
            "severity": "7",
            "identified_on": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "domain" in form.errors and "severity" in form.errors
    assert not Barrier.objects.exists()


def test_a_future_identification_date_is_refused(client, team):
    client.force_login(team["counsellor"])
    response = client.post(
        url(team["pathway"]),
        {
            "domain": "money",
            "severity": "2",
            "identified_on": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "futur" in response.context["form"].errors["identified_on"][0]
    assert not Barrier.objects.exists()


def test_suggestions_include_the_structures_own_entries_not_others(client, team, identify):
    identify(team["pathway"], BarrierDomain.MOBILITY)
    ToolboxEntryFactory(structure=team["pathway"].structure, title_fr="Navette du chantier", domains=["mobility"])
    ToolboxEntryFactory(structure=StructureFactory(), title_fr="Navette d'ailleurs", domains=["mobility"])
    client.force_login(team["counsellor"])
    html = client.get(url(team["pathway"])).content.decode()
    assert "Navette du chantier" in html
    assert "Navette d&#x27;ailleurs" not in html and "Navette d'ailleurs" not in html


def test_query_count_is_constant_whatever_the_number_of_barriers(client, team, identify, django_assert_num_queries):
    pathway = team["pathway"]
    identify(pathway, BarrierDomain.MOBILITY, by=team["counsellor"])
    client.force_login(team["counsellor"])
    client.get(url(pathway))  # warm caches (session, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url(pathway)).status_code == 200
    for domain in (BarrierDomain.HOUSING, BarrierDomain.MONEY, BarrierDomain.LANGUAGE, BarrierDomain.HEALTH):
        barrier = identify(pathway, domain, by=team["counsellor"])
        services.update_barrier(
            barrier, status=BarrierStatus.BEING_WORKED_ON, severity=1, by=team["counsellor"], on=timezone.localdate()
        )
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url(pathway)).status_code == 200
