import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.interviews.models import Interview, Kind

from .conftest import local_input

pytestmark = pytest.mark.django_db


def url(pathway) -> str:
    return reverse("interviews:create", kwargs={"pathway_id": pathway.public_id})


def post_data(**overrides) -> dict:
    data = {
        "kind": Kind.INDIVIDUAL,
        "third_party": "",
        "planned_at": local_input(timezone.now() + datetime.timedelta(days=3)),
        "led_by": "",
        "visibility": "",
    }
    data.update(overrides)
    return data


def test_a_counsellor_plans_an_interview_kept_for_the_social_staff_by_default(client, counsellor, pathway):
    client.force_login(counsellor)

    response = client.post(url(pathway), post_data())

    assert response.status_code == 302
    interview = Interview.objects.get()
    assert interview.pathway == pathway
    assert interview.led_by == counsellor
    assert interview.visibility == Visibility.SOCIAL_STAFF_ONLY
    assert interview.held_on is None


def test_a_workshop_is_for_the_whole_team_by_default(client, counsellor, pathway):
    client.force_login(counsellor)

    client.post(url(pathway), post_data(kind=Kind.WORKSHOP))

    assert Interview.objects.get().visibility == Visibility.WHOLE_TEAM


def test_it_refuses_a_date_in_the_past(client, counsellor, pathway):
    client.force_login(counsellor)

    response = client.post(url(pathway), post_data(planned_at=local_input(timezone.now() - datetime.timedelta(days=1))))

    assert response.status_code == 200
    assert "planned_at" in response.context["form"].errors
    assert "passé" in response.context["form"].errors["planned_at"][0]
    assert not Interview.objects.exists()


def test_a_tripartite_interview_names_the_third_party(client, counsellor, pathway):
    client.force_login(counsellor)

    response = client.post(url(pathway), post_data(kind=Kind.TRIPARTITE))

    assert response.status_code == 200
    assert "third_party" in response.context["form"].errors
    assert not Interview.objects.exists()

    client.post(url(pathway), post_data(kind=Kind.TRIPARTITE, third_party="Mission locale, Mme Roux"))
    assert Interview.objects.get().third_party == "Mission locale, Mme Roux"


def test_it_refuses_a_leader_from_another_structure(client, counsellor, pathway, other_structure_user):
    client.force_login(counsellor)

    response = client.post(url(pathway), post_data(led_by=other_structure_user.pk))

    assert response.status_code == 200
    assert "led_by" in response.context["form"].errors


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN, Role.DPO, Role.SUPERVISOR])
def test_roles_that_do_not_edit_people_are_refused(client, member, pathway, role):
    user = member(role)
    if role == Role.SUPERVISOR:
        pathway.supervisor = user
        pathway.save()
    client.force_login(user)

    assert client.get(url(pathway)).status_code == 403
    assert client.post(url(pathway), post_data()).status_code == 403
    assert not Interview.objects.exists()


def test_it_refuses_another_structures_pathway(client, pathway, other_structure_user):
    client.force_login(other_structure_user)

    assert client.get(url(pathway)).status_code == 404
    assert client.post(url(pathway), post_data()).status_code == 404
