"""Welcome services: defaults on demand, copying into a checklist, due dates and lateness."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tremplin.contracts.factories import ContractFactory
from tremplin.welcome import services
from tremplin.welcome.factories import WelcomeStepFactory, WelcomeStepTemplateFactory
from tremplin.welcome.models import Doer, WelcomeStep, WelcomeStepTemplate

pytestmark = pytest.mark.django_db


def test_a_structure_without_templates_gets_a_preview_of_the_defaults_without_writing(structure):
    steps, stored = services.templates_for(structure)
    assert not stored
    assert len(steps) == len(services.DEFAULT_STEPS) >= 11
    assert not WelcomeStepTemplate.objects.exists()


def test_defaults_are_stored_once(structure):
    services.ensure_templates(structure)
    services.ensure_templates(structure)
    assert WelcomeStepTemplate.objects.filter(structure=structure).count() == len(services.DEFAULT_STEPS)


def test_adding_a_step_stores_the_defaults_first_and_appends(structure):
    template = services.add_template(structure, title="Badge d'accès", description="", due_in_days=2, doer=Doer.PERSON)
    titles = list(WelcomeStepTemplate.objects.filter(structure=structure).values_list("title", flat=True))
    assert len(titles) == len(services.DEFAULT_STEPS) + 1
    assert titles[-1] == "Badge d'accès" == template.title


def test_moving_a_step_swaps_it_with_its_neighbour(structure):
    first = WelcomeStepTemplateFactory(structure=structure, title="A")
    second = WelcomeStepTemplateFactory(structure=structure, title="B")
    services.move_template(second, "up")
    assert list(WelcomeStepTemplate.objects.filter(structure=structure).values_list("title", flat=True)) == ["B", "A"]
    services.move_template(WelcomeStepTemplate.objects.get(pk=first.pk), "down")  # already last: nothing moves
    assert list(WelcomeStepTemplate.objects.filter(structure=structure).values_list("title", flat=True)) == ["B", "A"]


def test_starting_a_checklist_copies_the_active_templates_in_order(structure, make_pathway):
    WelcomeStepTemplateFactory(structure=structure, title="Second", order=20, due_in_days=3, doer=Doer.SUPERVISOR)
    WelcomeStepTemplateFactory(structure=structure, title="Premier", order=10)
    WelcomeStepTemplateFactory(structure=structure, title="Inactive", order=5, is_active=False)
    pathway = make_pathway()
    services.start_checklist(pathway)
    services.start_checklist(pathway)  # a second opening copies nothing more
    steps = list(pathway.welcome_steps.all())
    assert [s.title for s in steps] == ["Premier", "Second"]
    assert steps[1].due_in_days == 3 and steps[1].doer == Doer.SUPERVISOR


def test_starting_a_checklist_stores_the_defaults_of_a_structure_without_templates(structure, make_pathway):
    pathway = make_pathway()
    services.start_checklist(pathway)
    assert pathway.welcome_steps.count() == len(services.DEFAULT_STEPS)


def test_a_checklist_needs_a_contract(make_pathway):
    pathway = make_pathway(contract=False)
    with pytest.raises(ValidationError):
        services.start_checklist(pathway)
    assert not WelcomeStep.objects.exists()


def test_due_date_counts_from_the_first_contract_start(make_pathway, today):
    pathway = make_pathway(start_days_ago=10)
    ContractFactory(pathway=pathway, start_date=today - datetime.timedelta(days=2))  # a later renewal
    start = services.first_contract_start(pathway)
    assert start == today - datetime.timedelta(days=10)
    step = WelcomeStepFactory(pathway=pathway, due_in_days=7)
    assert step.due_date(start) == today - datetime.timedelta(days=3)


def test_a_step_is_late_only_when_not_done_and_past_due(today):
    start = today - datetime.timedelta(days=10)
    late = WelcomeStep(due_in_days=5)
    on_time = WelcomeStep(due_in_days=10)
    done = WelcomeStep(due_in_days=5, done_on=today)
    assert late.is_late(start, today)
    assert not on_time.is_late(start, today)  # due today is not late yet
    assert not done.is_late(start, today)
    assert not late.is_late(None, today)  # no contract, no due date


def test_summary_counts_done_and_late(today):
    start = today - datetime.timedelta(days=10)
    steps = [WelcomeStep(due_in_days=1), WelcomeStep(due_in_days=1, done_on=today), WelcomeStep(due_in_days=30)]
    assert services.summarise(steps, start, today) == services.Summary(done=1, total=3, late=1)


def test_a_step_cannot_be_ticked_in_the_future(make_pathway, member, today):
    step = WelcomeStepFactory(pathway=make_pathway())
    with pytest.raises(ValidationError) as error:
        services.mark_done(step, done_on=today + datetime.timedelta(days=1), by=member())
    assert "done_on" in error.value.message_dict
    step.refresh_from_db()
    assert step.done_on is None


def test_ticking_and_unticking_is_kept_in_history(make_pathway, member, today):
    user = member()
    step = WelcomeStepFactory(pathway=make_pathway())
    services.mark_done(step, done_on=today, by=user, comment="Fait avec l'encadrant")
    services.mark_not_done(step)
    assert [h.done_on for h in step.history.order_by("history_id")] == [None, today, None]


def test_changes_reach_the_access_log_and_forget_history_removes_them(make_pathway, member, today):
    from tremplin.audit.models import AccessLogEntry
    from tremplin.people.history import forget_history
    from tremplin.professional_project.factories import TargetJobFactory

    pathway = make_pathway()
    step = WelcomeStepFactory(pathway=pathway)
    services.mark_done(step, done_on=today, by=member())
    job = TargetJobFactory(pathway=pathway)
    assert AccessLogEntry.objects.filter(
        part="welcome", action="update", person_public_id=pathway.person.public_id
    ).exists()
    assert AccessLogEntry.objects.filter(part="professional_project", action="create").exists()
    forget_history(pathway.person_id)
    assert not step.history.exists() and not job.history.exists()
