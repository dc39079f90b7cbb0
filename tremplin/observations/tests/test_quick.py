import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.observations.models import Category, Observation

URL = reverse("observations:quick")


def form_url(pathway, category=""):
    url = f"{URL}?pathway={pathway.public_id}"
    return f"{url}&category={category}" if category else url


def post(client, pathway, **data):
    payload = {
        "category": Category.SAFETY,
        "text": "Oubli des gants sur la débroussailleuse.",
        "observed_on": timezone.localdate().isoformat(),
        "visibility": Visibility.WHOLE_TEAM,
    }
    payload.update(data)
    return client.post(form_url(pathway), payload)


def test_the_first_screen_lists_only_the_supervisors_team(client, supervisor, team_pathway, outside_pathway):
    client.force_login(supervisor)
    response = client.get(URL)
    assert response.status_code == 200
    assert team_pathway.person.full_name in response.content.decode()
    assert outside_pathway.person.full_name not in response.content.decode()


def test_choosing_a_person_shows_the_category_buttons(client, supervisor, team_pathway):
    client.force_login(supervisor)
    response = client.get(form_url(team_pathway))
    body = response.content.decode()
    assert response.status_code == 200
    for value, _label in Category.choices:
        assert f"category={value}" in body


def test_choosing_a_category_shows_the_form_with_it_preselected(client, supervisor, team_pathway):
    client.force_login(supervisor)
    response = client.get(form_url(team_pathway, Category.WELL_BEING))
    assert response.status_code == 200
    assert response.context["form"]["category"].value() == Category.WELL_BEING
    assert AccessLogEntry.objects.filter(person_public_id=team_pathway.person.public_id, part="observations").exists()


def test_a_supervisor_saves_an_observation_on_their_team(client, supervisor, team_pathway):
    client.force_login(supervisor)
    response = post(client, team_pathway, needs_social_follow_up="on")
    assert response.status_code == 302
    assert response.url == reverse("observations:mine")
    observation = Observation.objects.get()
    assert observation.pathway == team_pathway
    assert observation.author == supervisor
    assert observation.needs_social_follow_up
    assert observation.history.count() == 1


def test_it_refuses_an_observation_on_a_person_outside_the_team(client, supervisor, outside_pathway):
    client.force_login(supervisor)
    assert client.get(form_url(outside_pathway, Category.SAFETY)).status_code == 404
    assert post(client, outside_pathway).status_code == 404
    assert not Observation.objects.exists()


def test_it_refuses_another_structures_person(client, member, other_structure_pathway):
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(form_url(other_structure_pathway)).status_code == 404
    assert post(client, other_structure_pathway).status_code == 404
    assert not Observation.objects.exists()


def test_a_counsellor_may_write_too(client, counsellor, outside_pathway):
    client.force_login(counsellor)
    assert post(client, outside_pathway).status_code == 302
    assert Observation.objects.get().author == counsellor


@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH, Role.DPO])
def test_roles_that_neither_edit_nor_supervise_are_refused(client, member, role, team_pathway):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403
    assert post(client, team_pathway).status_code == 403


def test_a_partner_gets_404(client, member, team_pathway):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 404


def test_a_malformed_pathway_id_is_404(client, supervisor):
    client.force_login(supervisor)
    assert client.get(f"{URL}?pathway=not-a-uuid").status_code == 404


def test_empty_text_and_future_date_are_refused_with_messages(client, supervisor, team_pathway):
    client.force_login(supervisor)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = post(client, team_pathway, text="", observed_on=tomorrow.isoformat())
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "text" in errors
    assert "futur" in errors["observed_on"][0]
    assert not Observation.objects.exists()


def test_an_unknown_category_is_refused(client, supervisor, team_pathway):
    client.force_login(supervisor)
    response = post(client, team_pathway, category="gossip")
    assert response.status_code == 200
    assert "category" in response.context["form"].errors


def test_a_supervisor_cannot_write_social_staff_only(client, supervisor, team_pathway):
    client.force_login(supervisor)
    response = post(client, team_pathway, visibility=Visibility.SOCIAL_STAFF_ONLY)
    assert response.status_code == 200
    assert "visibility" in response.context["form"].errors
    assert not Observation.objects.exists()


def test_get_never_saves(client, supervisor, team_pathway):
    client.force_login(supervisor)
    client.get(form_url(team_pathway, Category.SAFETY) + "&text=x")
    assert not Observation.objects.exists()
