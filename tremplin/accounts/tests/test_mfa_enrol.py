import time

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.roles import Role
from tremplin.accounts.testing import force_login_verified
from tremplin.accounts.views_mfa import ENROL_KEY_SESSION

pytestmark = pytest.mark.django_db
URL = reverse("accounts:mfa_enrol")


def current_code(hex_key: str, offset: int = 0) -> str:
    totp = TOTP(bytes.fromhex(hex_key))
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.COUNSELLOR, Role.PARTNER, Role.DPO])
def test_it_shows_a_qr_code_and_the_secret_without_writing_to_the_database(client, member, role):
    client.force_login(member(role))
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<svg role="img" aria-label=' in content
    assert 'id="mfa-secret"' in content
    assert not TOTPDevice.objects.exists()
    # The same secret on reload, so that a slow scan still works.
    key = client.session[ENROL_KEY_SESSION]
    client.get(URL)
    assert client.session[ENROL_KEY_SESSION] == key


def test_a_valid_code_confirms_the_device_and_shows_ten_recovery_codes_once(client, member):
    user = member(Role.DIRECTOR)
    client.force_login(user)
    client.get(URL)
    key = client.session[ENROL_KEY_SESSION]
    response = client.post(URL, {"code": current_code(key)})
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.key == key
    codes = response.context["codes"]
    assert len(codes) == 10
    assert set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == set(codes)
    # This session is now verified; the setup secret is gone from the session.
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert ENROL_KEY_SESSION not in client.session
    assert client.get(reverse("dashboards:home")).status_code == 200
    # Coming back does not show the codes again.
    assert client.get(URL).url == reverse("accounts:mfa")


def test_a_wrong_code_is_refused_with_a_message_and_nothing_saved(client, member):
    client.force_login(member(Role.COUNSELLOR))
    client.get(URL)
    key = client.session[ENROL_KEY_SESSION]
    wrong = f"{(int(current_code(key)) + 1) % 1000000:06d}"
    response = client.post(URL, {"code": wrong})
    assert response.status_code == 200
    assert "Ce code ne correspond pas" in response.context["form"].errors["code"][0]
    assert not TOTPDevice.objects.exists()


def test_it_asks_for_six_digits(client, member):
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(URL, {"code": "abcdef"})
    assert "Le code ne contient que des chiffres." in response.context["form"].errors["code"]
    assert not TOTPDevice.objects.exists()


def test_a_user_who_has_a_device_is_sent_to_the_status_page(client, member):
    force_login_verified(client, member(Role.COUNSELLOR))
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url == reverse("accounts:mfa")


def test_each_user_enrols_only_themselves(client, member):
    """The page has no identifier: whatever is posted, the device is the signed-in user's."""
    user, other = member(Role.COUNSELLOR), member(Role.DIRECTOR)
    client.force_login(user)
    client.get(URL)
    key = client.session[ENROL_KEY_SESSION]
    client.post(URL, {"code": current_code(key), "user": other.pk})
    assert TOTPDevice.objects.get().user == user
    assert not TOTPDevice.objects.filter(user=other).exists()
