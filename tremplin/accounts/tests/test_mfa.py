import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.accounts.roles import Role
from tremplin.accounts.testing import force_login_verified

pytestmark = pytest.mark.django_db
URL = reverse("accounts:mfa")


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", list(Role))
def test_every_role_sees_its_own_status(client, member, role):
    client.force_login(member(role))
    response = client.get(URL)
    assert response.status_code == 200
    assert "non activée" in response.content.decode()
    assert reverse("accounts:mfa_enrol") in response.content.decode()


def test_it_shows_the_number_of_recovery_codes_left(client, member):
    user = member(Role.COUNSELLOR)
    force_login_verified(client, user)
    static = StaticDevice.objects.create(user=user, name="recovery")
    StaticToken.objects.bulk_create(StaticToken(device=static, token=f"code{i}") for i in range(3))
    response = client.get(URL)
    assert response.context["has_totp"] is True
    assert response.context["recovery_count"] == 3


def test_it_regenerates_the_recovery_codes(client, member):
    user = member(Role.COUNSELLOR)
    force_login_verified(client, user)
    static = StaticDevice.objects.create(user=user, name="recovery")
    StaticToken.objects.create(device=static, token="oldcode1")
    response = client.post(URL, {"action": "regenerate"})
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    tokens = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert tokens == set(response.context["codes"])


def test_disabling_needs_the_password(client, member):
    user = member(Role.COUNSELLOR)
    force_login_verified(client, user)
    response = client.post(URL, {"action": "disable", "password": "not-the-password"})
    assert response.status_code == 200
    assert response.context["disable_form"].errors["password"] == ["Ce mot de passe n'est pas le bon."]
    assert TOTPDevice.objects.filter(user=user).exists()


def test_disabling_with_the_password_removes_every_device(client, member):
    user = member(Role.COUNSELLOR)
    force_login_verified(client, user)
    StaticDevice.objects.create(user=user, name="recovery")
    response = client.post(URL, {"action": "disable", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    # The next pages do not ask for a code any more.
    assert client.get(reverse("dashboards:home")).status_code == 200


def test_it_cannot_be_disabled_when_the_structure_requires_it(client, member, structure):
    structure.mfa_required = True
    structure.save()
    user = member(Role.COUNSELLOR)
    force_login_verified(client, user)
    response = client.post(URL, {"action": "disable", "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert "exige la double authentification" in response.context["disable_form"].non_field_errors()[0]
    assert TOTPDevice.objects.filter(user=user).exists()


def test_it_only_touches_the_signed_in_users_devices(client, member):
    user, other = member(Role.DIRECTOR), member(Role.COUNSELLOR)
    TOTPDevice.objects.create(user=other, name="app", confirmed=True)
    force_login_verified(client, user)
    client.post(URL, {"action": "disable", "password": DEFAULT_PASSWORD})
    assert TOTPDevice.objects.filter(user=other).exists()
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_get_changes_nothing(client, member):
    user = member(Role.COUNSELLOR)
    force_login_verified(client, user)
    client.get(URL, {"action": "disable", "password": DEFAULT_PASSWORD})
    assert TOTPDevice.objects.filter(user=user).exists()
