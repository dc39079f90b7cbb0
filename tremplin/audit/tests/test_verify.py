import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.structures.factories import StructureFactory

from .conftest import tamper

pytestmark = pytest.mark.django_db
URL = reverse("audit:verify")


def test_it_answers_get_with_405(client, member):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(URL).status_code == 405


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.DPO])
def test_it_says_the_log_is_intact(client, member, role, log_entries):
    client.force_login(member(role))
    response = client.post(URL)
    assert response.status_code == 200
    assert response.context["report"].ok
    assert "Le journal est intact" in response.content.decode()


@pytest.mark.parametrize("role", [Role.ADMIN, Role.COUNSELLOR, Role.SUPERVISOR, Role.PARTNER])
def test_other_roles_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.post(URL).status_code == 403


def test_it_shows_the_first_broken_entry(client, member, log_entries):
    tamper(log_entries[1], part="autre")
    client.force_login(member(Role.DPO))
    response = client.post(URL)
    content = response.content.decode()
    assert not response.context["report"].ok
    assert f"n° {log_entries[1].pk}" in content
    assert "Son contenu ne correspond plus à son empreinte." in content
    assert log_entries[1].actor_email in content


def test_it_hides_the_details_of_another_structures_broken_entry(client, structure, member, log_entries):
    tamper(log_entries[1], part="autre")
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    response = client.post(URL)
    assert not response.context["report"].ok
    assert log_entries[1].actor_email not in response.content.decode()
