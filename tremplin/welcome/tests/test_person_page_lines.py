"""The person page's welcome and professional project lines (welcome/_pathway_welcome.html,
professional_project/_pathway_project.html)."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.professional_project.models import TargetJobStatus
from tremplin.welcome.factories import WelcomeStepFactory

pytestmark = pytest.mark.django_db


def page(pathway):
    return reverse("people:detail", args=[pathway.person.public_id])


def test_the_welcome_line_counts_done_and_late_steps(client, member, make_pathway, today):
    pathway = make_pathway(start_days_ago=10)
    WelcomeStepFactory(pathway=pathway, due_in_days=1, done_on=today)
    WelcomeStepFactory(pathway=pathway, due_in_days=2)
    WelcomeStepFactory(pathway=pathway, due_in_days=30)
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(page(pathway)).content.decode()
    assert "Accueil : 1/3 étapes faites, 1 en retard" in content
    assert reverse("welcome:checklist", args=[pathway.public_id]) in content


def test_a_pathway_in_contract_without_checklist_links_to_it(client, member, make_pathway):
    pathway = make_pathway()
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(page(pathway)).content.decode()
    assert "liste pas encore ouverte" in content


def test_the_project_line_shows_confirmed_jobs_to_readers_of_all_files_only(client, member, make_pathway):
    supervisor = member(Role.SUPERVISOR)
    pathway = make_pathway(supervisor=supervisor)
    TargetJobFactory(pathway=pathway, title="Cariste", status=TargetJobStatus.TO_CONFIRM)
    TargetJobFactory(pathway=pathway, title="Maraîcher", status=TargetJobStatus.CONFIRMED)
    TargetJobFactory(pathway=pathway, title="Pâtissier", status=TargetJobStatus.TO_EXPLORE)
    client.force_login(member(Role.JOB_COACH))
    content = client.get(page(pathway)).content.decode()
    assert "Maraîcher (confirmé), Cariste (à confirmer)" in content
    assert "Pâtissier" not in content
    client.force_login(supervisor)
    content = client.get(page(pathway)).content.decode()
    assert "Cariste" not in content and "Projet professionnel" not in content
    assert "Accueil :" in content
