"""action_plan:objective_create — an objective agreed with the person."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.forms import ObjectiveForm
from tremplin.action_plan.models import Objective
from tremplin.barriers.factories import BarrierFactory
from tremplin.core.visibility import Visibility
from tremplin.professional_project.factories import TargetJobFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("action_plan:objective_create", args=[pathway.public_id])


def test_it_adds_an_objective_linked_to_several_barriers(client, counsellor, pathway, today):
    barrier = BarrierFactory(pathway=pathway, domain="mobility")
    other = BarrierFactory(pathway=pathway, domain="training")
    client.force_login(counsellor)
    assert client.get(url(pathway)).status_code == 200
    response = client.post(
        url(pathway),
        {
            "text": "Se rendre au chantier sans dépendre d'un tiers",
            "barriers": [barrier.pk, other.pk],
            "target_date": (today + datetime.timedelta(days=60)).isoformat(),
            "success_indicator": "Trois semaines à l'heure",
        },
    )
    assert response.status_code == 302
    objective = Objective.objects.get()
    assert set(objective.barriers.all()) == {barrier, other} and objective.plan.pathway == pathway
    assert objective.created_by == counsellor


def test_it_links_a_target_job(client, counsellor, pathway):
    job = TargetJobFactory(pathway=pathway)
    client.force_login(counsellor)
    client.post(url(pathway), {"text": "Confirmer le projet", "target_job": job.pk})
    assert Objective.objects.get().target_job == job


def test_it_refuses_another_persons_barrier(client, counsellor, pathway):
    other = BarrierFactory()
    client.force_login(counsellor)
    response = client.post(url(pathway), {"text": "x", "barriers": [other.pk]})
    assert response.status_code == 200
    assert "Freins liés : choisissez des freins du diagnostic" in response.content.decode()
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


def test_a_social_staff_only_barrier_makes_the_new_objective_social_staff_only(client, counsellor, pathway):
    """The most restrictive of its barriers wins (decision 0013)."""
    team = BarrierFactory(pathway=pathway, domain="mobility")
    justice = BarrierFactory(pathway=pathway, domain="justice")
    client.force_login(counsellor)
    client.post(url(pathway), {"text": "Se présenter aux convocations", "barriers": [team.pk, justice.pk]})
    assert Objective.objects.get().visibility == Visibility.SOCIAL_STAFF_ONLY


def test_the_form_never_offers_nor_takes_a_barrier_its_author_does_not_see(pathway):
    """An author who does not read « social staff only » may not attach such a barrier, even by its id."""
    seen = BarrierFactory(pathway=pathway, domain="mobility")
    hidden = BarrierFactory(pathway=pathway, domain="justice")
    readable = {Visibility.WHOLE_TEAM, Visibility.SHAREABLE_WITH_PARTNERS}
    form = ObjectiveForm({"text": "x", "barriers": [hidden.pk]}, pathway=pathway, readable=readable)
    assert list(form.fields["barriers"].queryset) == [seen]
    assert not form.is_valid()
    assert "Freins liés" in str(form.errors["barriers"])
