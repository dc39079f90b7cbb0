"""welcome:checklist — a person's welcome steps, late ones said in words; ticking by role."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.structures.factories import StructureFactory
from tremplin.welcome.factories import WelcomeStepFactory
from tremplin.welcome.models import Doer, WelcomeStep

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("welcome:checklist", args=[pathway.public_id])


def tick(client, step, when, comment=""):
    prefix = str(step.public_id)
    return client.post(
        url(step.pathway),
        {"action": "done", "step": prefix, f"{prefix}-done_on": when.isoformat(), f"{prefix}-comment": comment},
    )


def test_reading_shows_a_preview_and_writes_nothing(client, member, make_pathway):
    pathway = make_pathway()
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(url(pathway))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1>") == 1
    assert "Visite du site et des locaux" in content
    assert "Ouvrir la liste d'accueil" in content
    assert not WelcomeStep.objects.exists()
    assert (
        AccessLogEntry.objects.filter(part="welcome", action="read", person_public_id=pathway.person.public_id).count()
        == 1
    )


def test_opening_copies_the_steps(client, member, make_pathway):
    pathway = make_pathway()
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(url(pathway), {"action": "start"})
    assert response.status_code == 302
    assert pathway.welcome_steps.count() >= 11


def test_a_pathway_without_contract_has_no_checklist_yet(client, member, make_pathway):
    pathway = make_pathway(contract=False)
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(url(pathway)).content.decode()
    assert "aucun contrat" in content
    client.post(url(pathway), {"action": "start"})
    assert not WelcomeStep.objects.exists()


def test_late_steps_are_flagged_in_words(client, member, make_pathway):
    pathway = make_pathway(start_days_ago=10)
    WelcomeStepFactory(pathway=pathway, title="Badge", due_in_days=2)
    WelcomeStepFactory(pathway=pathway, title="Bilan", due_in_days=30)
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(url(pathway)).content.decode()
    assert content.count("En retard") == 1
    assert "0 étapes faites sur 2, 1 en retard" in content


def test_a_counsellor_ticks_and_unticks_a_step(client, member, make_pathway, today):
    user = member(Role.COUNSELLOR)
    step = WelcomeStepFactory(pathway=make_pathway())
    client.force_login(user)
    assert tick(client, step, today, "Livret remis en main propre").status_code == 302
    step.refresh_from_db()
    assert (step.done_on, step.done_by, step.comment) == (today, user, "Livret remis en main propre")
    assert client.post(url(step.pathway), {"action": "undo", "step": step.public_id}).status_code == 302
    step.refresh_from_db()
    assert step.done_on is None and step.done_by is None


def test_a_future_date_is_refused_with_a_message(client, member, make_pathway, today):
    step = WelcomeStepFactory(pathway=make_pathway())
    client.force_login(member(Role.COUNSELLOR))
    response = tick(client, step, today + datetime.timedelta(days=3))
    assert response.status_code == 200
    assert "ne peut pas être dans le futur" in response.content.decode()
    step.refresh_from_db()
    assert step.done_on is None


def test_a_missing_date_is_refused(client, member, make_pathway):
    step = WelcomeStepFactory(pathway=make_pathway())
    client.force_login(member(Role.COUNSELLOR))
    prefix = str(step.public_id)
    response = client.post(url(step.pathway), {"action": "done", "step": prefix, f"{prefix}-done_on": ""})
    assert response.status_code == 200
    assert "Fait le" in response.content.decode()
    step.refresh_from_db()
    assert step.done_on is None


def test_an_unknown_step_is_404(client, member, make_pathway, today):
    pathway = make_pathway()
    other = WelcomeStepFactory(pathway=make_pathway())
    client.force_login(member(Role.COUNSELLOR))
    assert client.post(url(pathway), {"action": "done", "step": "not-a-uuid"}).status_code == 404
    prefix = str(other.public_id)
    response = client.post(url(pathway), {"action": "done", "step": prefix, f"{prefix}-done_on": today.isoformat()})
    assert response.status_code == 404


def test_the_team_supervisor_ticks_worksite_steps_only(client, member, make_pathway, today):
    supervisor = member(Role.SUPERVISOR)
    pathway = make_pathway(supervisor=supervisor)
    worksite_step = WelcomeStepFactory(pathway=pathway, doer=Doer.WORKSITE_LEAD)
    counsellor_step = WelcomeStepFactory(pathway=pathway, doer=Doer.COUNSELLOR)
    client.force_login(supervisor)
    assert client.get(url(pathway)).status_code == 200
    assert tick(client, worksite_step, today).status_code == 302
    assert tick(client, counsellor_step, today).status_code == 403
    counsellor_step.refresh_from_db()
    assert counsellor_step.done_on is None


def test_a_supervisor_outside_the_team_gets_404(client, member, make_pathway, today):
    pathway = make_pathway()
    step = WelcomeStepFactory(pathway=pathway, doer=Doer.SUPERVISOR)
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(pathway)).status_code == 404
    assert tick(client, step, today).status_code == 404


def test_a_job_coach_reads_but_cannot_tick(client, member, make_pathway, today):
    step = WelcomeStepFactory(pathway=make_pathway(), doer=Doer.SUPERVISOR)
    client.force_login(member(Role.JOB_COACH))
    assert client.get(url(step.pathway)).status_code == 200
    assert tick(client, step, today).status_code == 403
    assert client.post(url(step.pathway), {"action": "start"}).status_code == 403


def test_a_partner_gets_404(client, member, make_pathway):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(make_pathway())).status_code == 404


def test_another_structures_member_gets_404(client, member, make_pathway, today):
    step = WelcomeStepFactory(pathway=make_pathway())
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    assert client.get(url(step.pathway)).status_code == 404
    assert tick(client, step, today).status_code == 404


def test_the_query_count_does_not_depend_on_the_number_of_steps(
    client, member, make_pathway, django_assert_num_queries
):
    pathway = make_pathway()
    WelcomeStepFactory(pathway=pathway, done_on=datetime.date(2026, 1, 1), done_by=member())
    client.force_login(member(Role.COUNSELLOR))
    client.get(url(pathway))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url(pathway))
    for _ in range(15):
        WelcomeStepFactory(pathway=pathway, done_on=datetime.date(2026, 1, 1), done_by=member())
    with django_assert_num_queries(len(few)):
        client.get(url(pathway))
