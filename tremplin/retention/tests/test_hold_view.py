import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.people.factories import PersonFactory
from tremplin.retention import services
from tremplin.retention.models import LegalHold

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure)


def url(person):
    return reverse("retention:hold", kwargs={"person_id": person.public_id})


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.DPO])
def test_the_director_and_the_dpo_place_and_lift_a_hold(client, member, person, role):
    user = member(role)
    client.force_login(user)
    assert client.get(url(person)).status_code == 200

    assert client.post(url(person), {"reason": "Procédure prud'homale"}).status_code == 302
    hold = LegalHold.objects.active().get(person=person)
    assert hold.placed_by == user

    assert client.post(url(person), {"action": "lift"}).status_code == 302
    hold.refresh_from_db()
    assert hold.lifted_on is not None and hold.lifted_by == user


def test_a_hold_needs_a_reason(client, member, person):
    client.force_login(member(Role.DPO))
    response = client.post(url(person), {"reason": ""})
    assert response.status_code == 200
    assert "Motif du gel" in response.content.decode()
    assert not LegalHold.objects.exists()


def test_a_second_active_hold_is_refused(client, member, person):
    services.place_hold(person, reason="Première", by=None)
    client.force_login(member(Role.DPO))
    response = client.post(url(person), {"reason": "Seconde"}, follow=True)
    assert "déjà gelées" in response.content.decode()
    assert LegalHold.objects.count() == 1


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.ADMIN, Role.JOB_COACH])
def test_other_roles_are_refused(client, member, person, role):
    client.force_login(member(role))
    assert client.get(url(person)).status_code == 403
    assert client.post(url(person), {"reason": "x"}).status_code == 403
    assert not LegalHold.objects.exists()


def test_a_partner_does_not_learn_the_person_exists(client, member, person):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(person)).status_code == 404


def test_it_refuses_another_structures_person(client, other_structure_member, person):
    client.force_login(other_structure_member)
    assert client.get(url(person)).status_code == 404
    assert client.post(url(person), {"reason": "x"}).status_code == 404
    assert not LegalHold.objects.exists()


def test_get_changes_nothing(client, member, person):
    services.place_hold(person, reason="Gel", by=None)
    client.force_login(member(Role.DPO))
    client.get(url(person) + "?action=lift")
    assert LegalHold.objects.active().count() == 1
