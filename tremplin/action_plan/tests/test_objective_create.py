"""action_plan:objective_create — an objective agreed with the person."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.models import Objective
from tremplin.barriers.factories import BarrierFactory
from tremplin.professional_project.factories import TargetJobFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("action_plan:objective_create", args=[pathway.public_id])


def test_it_adds_an_objective_linked_to_a_barrier(client, counsellor, pathway, today):
    barrier = BarrierFactory(pathway=pathway)
    client.force_login(counsellor)
    assert client.get(url(pathway)).status_code == 200
    response = client.post(
        url(pathway),
        {
            "text": "Se rendre au chantier sans dépendre d'un tiers",
            "barrier": barrier.pk,
            "target_date": (today + datetime.timedelta(days=60)).isoformat(),
            "success_indicator": "Trois semaines à l'heure",
        },
    )
    assert response.status_code == 302
    objective = Objective.objects.get()
    assert objective.barrier == barrier and objective.plan.pathway == pathway
    assert objective.created_by == counsellor


def test_it_links_a_target_job(client, counsellor, pathway):
    job = TargetJobFactory(pathway=pathway)
    client.force_login(counsellor)
    client.post(url(pathway), {"text": "Confirmer le projet", "target_job": job.pk})
    assert Objective.objects.get().target_job == job


def test_it_refuses_another_persons_barrier(client, counsellor, pathway):
    other = BarrierFactory()
    client.force_login(counsellor)
    response = client.post(url(pathway), {"text": "x", "barrier": other.pk})
    assert response.status_code == 200
    assert "Frein lié" in response.content.decode()
    assert not Objective.objects.exists()


def test_it_refuses_a_target_date_before_the_agreement(client, counsellor, plan, today):
    plan.agreed_on = today
    plan.save()
    client.force_login(counsellor)
    response = client.post(
        url(plan.pathway), {"text": "x", "target_date": (today - datetime.timedelta(days=1)).isoformat()}
    )
    assert response.status_code == 200
    assert "date d&#x27;accord du plan" in response.content.decode()
    assert not Objective.objects.exists()


def test_it_asks_for_the_text(client, counsellor, pathway):
    client.force_login(counsellor)
    response = client.post(url(pathway), {"text": ""})
    assert response.status_code == 200
    assert "Objectif : décrivez" in response.content.decode()


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.DPO])
def test_readers_may_not_add(client, member, pathway, role):
    client.force_login(member(role))
    assert client.post(url(pathway), {"text": "x"}).status_code == 403


def test_it_refuses_another_structures_pathway(client, other_structure_member, pathway):
    client.force_login(other_structure_member)
    assert client.get(url(pathway)).status_code == 404
