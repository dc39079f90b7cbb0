import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.immersions.factories import ImmersionEvaluationFactory, ImmersionFactory
from tremplin.immersions.models import Immersion, ImmersionEvaluation
from tremplin.pathways.factories import PathwayFactory

pytestmark = pytest.mark.django_db


def test_a_job_coach_records_an_immersion_and_sees_the_pmsmp_warning(client, pathway, coach):
    client.force_login(coach)
    start = timezone.localdate()

    response = client.post(
        reverse("immersions:create", args=[pathway.public_id]),
        {
            "host_name": "Jardins de Flandre",
            "job_title": "Jardinier",
            "tutor_name": "Paul Lefebvre",
            "starts_on": start.isoformat(),
            "ends_on": (start + datetime.timedelta(days=40)).isoformat(),
            "objective": "confirm_project",
        },
        follow=True,
    )

    assert Immersion.objects.filter(pathway=pathway).count() == 1
    assert "une PMSMP dure un mois au plus" in response.content.decode()


def test_bad_dates_are_refused_on_the_form(client, pathway, coach):
    client.force_login(coach)
    start = timezone.localdate()

    response = client.post(
        reverse("immersions:create", args=[pathway.public_id]),
        {
            "host_name": "X",
            "job_title": "Y",
            "tutor_name": "Z",
            "starts_on": start.isoformat(),
            "ends_on": (start - datetime.timedelta(days=1)).isoformat(),
            "objective": "discover_job",
        },
    )

    assert response.status_code == 200
    assert "il ne peut pas précéder le premier jour" in response.content.decode()
    assert not Immersion.objects.exists()


def test_it_refuses_another_structures_immersion(client, coach):
    other = ImmersionFactory(pathway=PathwayFactory())
    client.force_login(coach)

    for name in ("detail", "edit", "evaluate", "agreement_pdf"):
        assert client.get(reverse(f"immersions:{name}", args=[other.public_id])).status_code == 404
    assert client.get(reverse("immersions:list", args=[other.pathway.public_id])).status_code == 404


def test_the_teams_supervisor_reads_the_immersion_but_not_another_supervisor(client, pathway, member):
    immersion = ImmersionFactory(pathway=pathway)
    ImmersionEvaluationFactory(immersion=immersion)
    supervisor = member(Role.SUPERVISOR)
    pathway.supervisor = supervisor
    pathway.save()
    client.force_login(supervisor)

    assert client.get(reverse("immersions:detail", args=[immersion.public_id])).status_code == 200
    assert client.get(reverse("immersions:evaluate", args=[immersion.public_id])).status_code == 403
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(reverse("immersions:detail", args=[immersion.public_id])).status_code == 404


def test_the_list_query_count_does_not_grow(client, pathway, coach, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coach)
    url = reverse("immersions:list", args=[pathway.public_id])
    ImmersionEvaluationFactory(immersion=ImmersionFactory(pathway=pathway))
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _index in range(3):
        ImmersionEvaluationFactory(immersion=ImmersionFactory(pathway=pathway))
        ImmersionFactory(pathway=pathway)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_the_agreement_pdf_is_logged_as_an_export(client, pathway, coach):
    immersion = ImmersionFactory(pathway=pathway)
    client.force_login(coach)

    response = client.get(reverse("immersions:agreement_pdf", args=[immersion.public_id]))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(part="immersion_agreement", action="export").count() == 1


def test_the_evaluation_form_records_the_grid(client, pathway, coach):
    immersion = ImmersionFactory(pathway=pathway)
    client.force_login(coach)
    url = reverse("immersions:evaluate", args=[immersion.public_id])
    form = client.get(url).context["form"]
    data = {"evaluated_on": timezone.localdate().isoformat(), "conclusion": "hiring_proposed"}
    for index in range(len(form.items)):
        data[f"level_{index}_person"] = "3"
        data[f"level_{index}_tutor"] = "4"
        data[f"level_{index}_counsellor"] = "4"

    response = client.post(url, data)

    assert response.status_code == 302
    evaluation = ImmersionEvaluation.objects.get()
    assert len(evaluation.scores) == len(form.items)
    assert evaluation.scores[0]["tutor"] == 4


def test_an_empty_grid_is_refused_with_the_reason(client, pathway, coach):
    immersion = ImmersionFactory(pathway=pathway)
    client.force_login(coach)

    response = client.post(
        reverse("immersions:evaluate", args=[immersion.public_id]),
        {"evaluated_on": timezone.localdate().isoformat(), "conclusion": "not_conclusive"},
    )

    assert response.status_code == 200
    assert "le bilan se fait à trois" in response.content.decode()
    assert not ImmersionEvaluation.objects.exists()
