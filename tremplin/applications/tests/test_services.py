import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tremplin.action_plan.models import Action, Section
from tremplin.applications import services
from tremplin.applications.models import Application, ApplicationStatus, ApplicationStep, Channel
from tremplin.timeline.models import EventKind, TimelineEvent

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _record(pathway, by, **fields):
    values = {"employer_name": "Paysages du Nord", "job_title": "Jardinier", "status": ApplicationStatus.APPLIED}
    values.update(fields)
    return services.record_application(pathway=pathway, by=by, **values)


def test_a_new_application_starts_its_history_with_its_first_step(pathway, coach):
    application = _record(pathway, coach, job_code="a1203", channel=Channel.NETWORK)

    assert application.status == ApplicationStatus.APPLIED
    assert application.job_code == "A1203"
    assert list(application.steps.values_list("from_status", "to_status")) == [("", "applied")]


def test_it_walks_the_pipeline_applied_interview_hired_with_the_dates(pathway, coach):
    day = TODAY() - datetime.timedelta(days=10)
    application = _record(pathway, coach, status_on=day)

    services.move(application, to_status=ApplicationStatus.INTERVIEW, on=day + datetime.timedelta(days=3), by=coach)
    services.move(
        application,
        to_status=ApplicationStatus.HIRED,
        on=day + datetime.timedelta(days=8),
        by=coach,
        employer_feedback="Très bon entretien.",
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.HIRED
    assert application.employer_feedback == "Très bon entretien."
    assert [(s.to_status, s.on) for s in application.steps.all()] == [
        ("applied", day),
        ("interview", day + datetime.timedelta(days=3)),
        ("hired", day + datetime.timedelta(days=8)),
    ]


def test_it_refuses_to_move_a_hired_application_back_with_the_reason(pathway, coach):
    application = _record(pathway, coach)
    services.move(application, to_status=ApplicationStatus.HIRED, on=TODAY(), by=coach)

    with pytest.raises(ValidationError) as error:
        services.move(application, to_status=ApplicationStatus.APPLIED, on=TODAY(), by=coach)

    message = error.value.message_dict["to_status"][0]
    assert "« embauche » à « envoyée »" in message
    assert "close" in message
    assert ApplicationStep.objects.filter(application=application).count() == 2
    application.refresh_from_db()
    assert application.status == ApplicationStatus.HIRED


def test_it_refuses_to_go_back_from_interview_to_applied(pathway, coach):
    application = _record(pathway, coach)
    services.move(application, to_status=ApplicationStatus.INTERVIEW, on=TODAY(), by=coach)

    with pytest.raises(ValidationError) as error:
        services.move(application, to_status=ApplicationStatus.APPLIED, on=TODAY(), by=coach)

    assert "ne revient pas en arrière" in error.value.message_dict["to_status"][0]


def test_it_refuses_the_same_step_twice(pathway, coach):
    application = _record(pathway, coach)

    with pytest.raises(ValidationError) as error:
        services.move(application, to_status=ApplicationStatus.APPLIED, on=TODAY(), by=coach)

    assert "déjà à l'étape « envoyée »" in error.value.message_dict["to_status"][0]


def test_it_refuses_a_step_in_the_future_or_before_the_previous_one(pathway, coach):
    application = _record(pathway, coach, status_on=TODAY() - datetime.timedelta(days=2))

    with pytest.raises(ValidationError) as future:
        services.move(
            application, to_status=ApplicationStatus.INTERVIEW, on=TODAY() + datetime.timedelta(days=1), by=coach
        )
    with pytest.raises(ValidationError) as before:
        services.move(
            application, to_status=ApplicationStatus.INTERVIEW, on=TODAY() - datetime.timedelta(days=5), by=coach
        )

    assert "dans le futur" in future.value.message_dict["on"][0]
    assert "précéder l'étape précédente" in before.value.message_dict["on"][0]
    assert application.steps.count() == 1


def test_a_new_application_cannot_start_hired(pathway, coach):
    with pytest.raises(ValidationError) as error:
        _record(pathway, coach, status=ApplicationStatus.HIRED)

    assert "status" in error.value.message_dict
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"employer_name": " "}, "employer_name", "Employeur"),
        ({"job_title": ""}, "job_title", "Poste"),
        ({"job_code": "Z99"}, "job_code", "quatre chiffres"),
        ({"status_on": TODAY() + datetime.timedelta(days=1)}, "status_on", "futur"),
        ({"next_step_on": TODAY() - datetime.timedelta(days=3)}, "next_step_on", "précéder"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(pathway, coach, fields, field, words):
    with pytest.raises(ValidationError) as error:
        _record(pathway, coach, **fields)

    assert words in error.value.message_dict[field][0]
    assert Application.objects.count() == 0
    assert ApplicationStep.objects.count() == 0


def test_preparation_and_simulation_are_actions_of_the_job_search_section(pathway, coach):
    application = _record(pathway, coach)

    services.plan_preparation(application, kind=services.PreparationKind.SIMULATION, by=coach)
    services.plan_preparation(application, kind=services.PreparationKind.PREPARATION, by=coach)

    actions = Action.objects.filter(plan__pathway=pathway).order_by("id")
    assert [a.section for a in actions] == [Section.JOB_SEARCH, Section.JOB_SEARCH]
    assert actions[0].title.startswith("Simulation d'entretien d'embauche : Jardinier chez Paysages du Nord")
    assert actions[1].kind == "préparation d'entretien"
    assert actions[0].owner_user == coach


def test_no_preparation_for_a_closed_application(pathway, coach):
    application = _record(pathway, coach)
    services.move(application, to_status=ApplicationStatus.REFUSED, on=TODAY(), by=coach)

    with pytest.raises(ValidationError):
        services.plan_preparation(application, kind=services.PreparationKind.SIMULATION, by=coach)

    assert not Action.objects.exists()


def test_each_step_is_on_the_timeline_with_codes_only(pathway, coach):
    application = _record(pathway, coach, channel=Channel.JOB_BOARD)
    services.move(application, to_status=ApplicationStatus.INTERVIEW, on=TODAY(), by=coach, note="Secret détail")

    events = TimelineEvent.objects.filter(pathway=pathway, kind=EventKind.APPLICATION).order_by("occurred_at", "id")
    assert [e.describe() for e in events] == [
        "Candidature enregistrée (site d'offres d'emploi) : envoyée",
        "Candidature : envoyée → entretien d'embauche",
    ]
    assert "Secret" not in str([e.data for e in events])
