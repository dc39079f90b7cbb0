import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.action_plan.models import Action
from tremplin.applications import services
from tremplin.applications.models import Application, ApplicationStatus
from tremplin.audit.models import AccessLogEntry
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _record(pathway, by, **fields):
    values = {"employer_name": "Paysages du Nord", "job_title": "Jardinier", "status": ApplicationStatus.APPLIED}
    values.update(fields)
    return services.record_application(pathway=pathway, by=by, **values)


def test_the_list_shows_open_and_closed_applications_and_logs_the_read(client, pathway, coach):
    _record(pathway, coach, job_title="Maraîcher")
    closed = _record(pathway, coach, job_title="Cariste")
    services.move(closed, to_status=ApplicationStatus.REFUSED, on=timezone.localdate(), by=coach)
    client.force_login(coach)

    response = client.get(reverse("applications:list", args=[pathway.public_id]))

    assert response.status_code == 200
    assert [a.job_title for a in response.context["open_applications"]] == ["Maraîcher"]
    assert [a.job_title for a in response.context["closed_applications"]] == ["Cariste"]
    assert AccessLogEntry.objects.filter(part="applications", person_public_id=pathway.person.public_id).exists()


def test_the_list_query_count_does_not_grow_with_applications(client, pathway, coach, django_assert_num_queries):
    client.force_login(coach)
    url = reverse("applications:list", args=[pathway.public_id])
    _record(pathway, coach)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for index in range(4):
        application = _record(pathway, coach, job_title=f"Poste {index}")
        services.move(application, to_status=ApplicationStatus.INTERVIEW, on=timezone.localdate(), by=coach)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_a_job_coach_records_an_application_by_hand(client, pathway, coach):
    client.force_login(coach)

    response = client.post(
        reverse("applications:create", args=[pathway.public_id]),
        {
            "employer_name": "Recyclerie du Val",
            "job_title": "Agent de tri",
            "job_code": "K2304",
            "channel": "france_travail",
            "status": "applied",
            "status_on": timezone.localdate().isoformat(),
        },
    )

    application = Application.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("applications:detail", args=[application.public_id])
    assert application.created_by == coach
    assert application.channel == "france_travail"


def test_bad_input_on_the_form_names_the_field_and_saves_nothing(client, pathway, coach):
    client.force_login(coach)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        reverse("applications:create", args=[pathway.public_id]),
        {"employer_name": "X", "job_title": "Y", "channel": "network", "status": "applied", "status_on": tomorrow},
    )

    assert response.status_code == 200
    assert "une étape ne peut pas être datée dans le futur" in response.content.decode()
    assert not Application.objects.exists()


def test_it_refuses_another_structures_person(client, coach):
    other = PathwayFactory()
    client.force_login(coach)

    assert client.get(reverse("applications:list", args=[other.public_id])).status_code == 404
    assert client.get(reverse("applications:create", args=[other.public_id])).status_code == 404


def test_it_refuses_another_structures_application(client, coach):
    other_pathway = PathwayFactory()
    other = _record(other_pathway, None)
    client.force_login(coach)

    for name in ("detail", "edit"):
        assert client.get(reverse(f"applications:{name}", args=[other.public_id])).status_code == 404
    response = client.post(
        reverse("applications:move", args=[other.public_id]), {"to_status": "hired", "on": timezone.localdate()}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == ApplicationStatus.APPLIED


def test_moving_a_step_from_the_detail_page(client, pathway, coach):
    application = _record(pathway, coach)
    client.force_login(coach)

    response = client.post(
        reverse("applications:move", args=[application.public_id]),
        {"to_status": "interview", "on": timezone.localdate().isoformat(), "next_step": "Entretien avec le gérant"},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INTERVIEW
    assert application.next_step == "Entretien avec le gérant"


def test_an_impossible_move_posted_to_the_page_gets_its_reason(client, pathway, coach):
    application = _record(pathway, coach)
    services.move(application, to_status=ApplicationStatus.HIRED, on=timezone.localdate(), by=coach)
    client.force_login(coach)

    response = client.post(
        reverse("applications:move", args=[application.public_id]),
        {"to_status": "applied", "on": timezone.localdate().isoformat()},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "impossible de passer de « embauche » à « envoyée »" in page
    application.refresh_from_db()
    assert application.status == ApplicationStatus.HIRED


def test_the_preparation_button_adds_an_action_to_the_plan(client, pathway, coach):
    application = _record(pathway, coach)
    client.force_login(coach)

    response = client.post(reverse("applications:prepare", args=[application.public_id]), {"kind": "simulation"})

    assert response.status_code == 302
    assert Action.objects.filter(plan__pathway=pathway, section="job_search").count() == 1


def test_editing_keeps_the_step_and_checks_the_code(client, pathway, coach):
    application = _record(pathway, coach)
    client.force_login(coach)
    url = reverse("applications:edit", args=[application.public_id])
    token = client.get(url).context["form"]["concurrency_token"].value()
    data = {
        "employer_name": "Nouvelle SARL",
        "job_title": "Jardinier",
        "channel": "network",
        "concurrency_token": token,
    }

    bad = client.post(url, {**data, "job_code": "123"})
    good = client.post(url, {**data, "job_code": "a1203"})

    assert bad.status_code == 200 and "quatre chiffres" in bad.content.decode()
    assert good.status_code == 302
    application.refresh_from_db()
    assert (application.employer_name, application.job_code, application.status) == (
        "Nouvelle SARL",
        "A1203",
        "applied",
    )


def test_a_supervisor_does_not_see_applications(client, pathway, member):
    application = _record(pathway, None)
    supervisor = member(Role.SUPERVISOR)
    pathway.supervisor = supervisor
    pathway.save()
    client.force_login(supervisor)

    assert client.get(reverse("applications:detail", args=[application.public_id])).status_code == 403
    assert client.get(reverse("applications:pipeline")).status_code == 403


def test_the_pipeline_shows_columns_for_the_structure_only(client, structure, pathway, coach):
    hired = _record(pathway, coach, job_title="Cariste")
    services.move(hired, to_status=ApplicationStatus.HIRED, on=timezone.localdate(), by=coach)
    _record(pathway, coach, job_title="Vendeur")
    _record(PathwayFactory(), None, job_title="Ailleurs")
    client.force_login(coach)

    response = client.get(reverse("applications:pipeline"))

    columns = {c["status"]: [a.job_title for a in c["applications"]] for c in response.context["columns"]}
    assert columns["hired"] == ["Cariste"]
    assert columns["applied"] == ["Vendeur"]
    assert "Ailleurs" not in response.content.decode()


def test_the_pipeline_query_count_does_not_grow_with_rows(client, structure, coach, django_assert_num_queries):
    client.force_login(coach)
    url = reverse("applications:pipeline")

    def add_people(count):
        for _index in range(count):
            pathway = PathwayFactory(person=PersonFactory(structure=structure))
            _record(pathway, coach)

    add_people(1)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    add_people(5)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert sum(c["count"] for c in response.context["columns"]) == 6
