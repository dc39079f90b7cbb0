import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.consent import services
from tremplin.consent.factories import ConsentFactory

pytestmark = pytest.mark.django_db


def url(consent):
    return reverse("consent:withdraw", kwargs={"public_id": consent.public_id})


@pytest.fixture
def consent(person):
    return ConsentFactory(person=person)


def test_withdrawal_takes_effect_at_once(client, member, consent):
    user = member(Role.COUNSELLOR)
    client.force_login(user)
    response = client.post(url(consent), {"note": "Ne souhaite plus"})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_by == user and consent.withdrawal_note == "Ne souhaite plus"
    assert not services.has_consent(consent.person, consent.kind)


def test_get_is_not_allowed(client, member, consent):
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(url(consent)).status_code == 405
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH])
def test_other_roles_cannot_withdraw(client, member, consent, role):
    client.force_login(member(role))
    assert client.post(url(consent)).status_code == 403
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_the_dpo_may_withdraw(client, member, consent):
    client.force_login(member(Role.DPO))
    assert client.post(url(consent)).status_code == 302


def test_it_refuses_another_structures_consent(client, other_structure_member, consent):
    client.force_login(other_structure_member)
    assert client.post(url(consent)).status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_withdrawing_twice_shows_a_message(client, member, consent):
    client.force_login(member(Role.COUNSELLOR))
    client.post(url(consent))
    response = client.post(url(consent), follow=True)
    assert "déjà été retiré" in response.content.decode()
