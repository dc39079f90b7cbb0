import time

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db
URL = reverse("accounts:mfa_verify")
HOME = reverse("dashboards:home")


def code_of(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key)
    totp.time = time.time()
    return f"{totp.token():06d}"


@pytest.fixture
def enrolled(member):
    user = member(Role.COUNSELLOR)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="recovery")
    StaticToken.objects.create(device=static, token="abcd2345")
    return user, device


def sign_in_with_password(client, user, next_url: str = ""):
    data = {"username": user.email, "password": DEFAULT_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


def test_a_user_without_a_device_goes_home(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url == HOME


def test_after_the_password_every_page_asks_for_the_code(client, enrolled):
    user, _device = enrolled
    response = sign_in_with_password(client, user)
    assert response.url == HOME
    response = client.get(HOME)
    assert response.status_code == 302
    assert response.url == f"{URL}?next=%2F"
    assert client.get(reverse("people:list")).url.startswith(URL)
    assert client.get(URL).status_code == 200


def test_a_valid_code_completes_the_sign_in(client, enrolled):
    user, device = enrolled
    sign_in_with_password(client, user)
    response = client.post(URL, {"code": code_of(device), "next": reverse("people:list")})
    assert response.status_code == 302
    assert response.url == reverse("people:list")
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(HOME).status_code == 200


def test_a_recovery_code_works_once(client, enrolled):
    user, _device = enrolled
    sign_in_with_password(client, user)
    response = client.post(URL, {"code": "ABCD 2345"})
    assert response.url == HOME
    assert not StaticToken.objects.filter(token="abcd2345").exists()
    client.post(reverse("accounts:logout"))
    sign_in_with_password(client, user)
    response = client.post(URL, {"code": "abcd2345"})
    assert response.status_code == 200
    assert client.get(HOME).status_code == 302


def test_a_wrong_code_shows_an_error(client, enrolled):
    user, device = enrolled
    sign_in_with_password(client, user)
    wrong = f"{(int(code_of(device)) + 1) % 1000000:06d}"
    response = client.post(URL, {"code": wrong})
    assert response.status_code == 200
    assert "Ce code n'est pas valable" in response.context["form"].errors["code"][0]
    assert DEVICE_ID_SESSION_KEY not in client.session
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_it_never_follows_a_next_to_another_site(client, enrolled):
    user, device = enrolled
    sign_in_with_password(client, user)
    response = client.post(URL, {"code": code_of(device), "next": "https://evil.example/"})
    assert response.url == HOME


def test_a_device_of_another_user_is_no_use(client, enrolled, member):
    _user, device = enrolled
    other = member(Role.DIRECTOR)
    TOTPDevice.objects.create(user=other, name="app", confirmed=True)
    sign_in_with_password(client, other)
    response = client.post(URL, {"code": code_of(device)})
    assert response.status_code == 200
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_signing_out_stays_possible_before_the_code(client, enrolled):
    user, _device = enrolled
    sign_in_with_password(client, user)
    response = client.post(reverse("accounts:logout"))
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
