"""django-axes: 5 failed sign-ins for one address from one IP address lock it for 15 minutes."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db
URL = reverse("accounts:login")


def attempt(client, email: str, password: str):
    return client.post(URL, {"username": email, "password": password})


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(client, member):
    user = member(Role.COUNSELLOR)
    for _ in range(4):
        assert attempt(client, user.email, "not-the-password").status_code == 200
    locked = attempt(client, user.email, "not-the-password")
    assert locked.status_code == 429
    response = attempt(client, user.email, DEFAULT_PASSWORD)
    assert response.status_code == 429
    content = response.content.decode()
    assert "<h1>Connexion</h1>" in content
    assert "la connexion est bloquée pendant 15 minutes" in content
    assert "_auth_user_id" not in client.session


def test_changing_the_case_of_the_address_does_not_escape_the_count(client, member):
    user = member(Role.COUNSELLOR)
    for index in range(5):
        attempt(client, user.email.upper() if index % 2 else f" {user.email} ", "not-the-password")
    assert attempt(client, user.email, DEFAULT_PASSWORD).status_code == 429


def test_it_works_again_after_the_cool_off(client, member):
    user = member(Role.COUNSELLOR)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            attempt(client, user.email, "not-the-password")
        assert attempt(client, user.email, DEFAULT_PASSWORD).status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        response = attempt(client, user.email, DEFAULT_PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)


def test_another_account_from_the_same_address_is_not_locked(client, member):
    user, colleague = member(Role.COUNSELLOR), member(Role.DIRECTOR)
    for _ in range(5):
        attempt(client, user.email, "not-the-password")
    assert attempt(client, colleague.email, DEFAULT_PASSWORD).status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, member):
    user = member(Role.COUNSELLOR)
    for _ in range(4):
        attempt(client, user.email, "not-the-password")
    assert attempt(client, user.email, DEFAULT_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        attempt(client, user.email, "not-the-password")
    assert attempt(client, user.email, DEFAULT_PASSWORD).status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_count(client, member):
    user = member(Role.COUNSELLOR)
    for index in range(5):
        client.post(
            URL, {"username": user.email, "password": "wrong-password"}, HTTP_X_FORWARDED_FOR=f"81.56.20.{index + 1}"
        )
    response = client.post(
        URL, {"username": user.email, "password": DEFAULT_PASSWORD}, HTTP_X_FORWARDED_FOR="91.198.174.192"
    )
    assert response.status_code == 429


def test_behind_one_proxy_the_lock_follows_the_address_the_proxy_saw(client, member, settings):
    settings.TREMPLIN_PROXY_COUNT = 1
    user = member(Role.COUNSELLOR)
    for _ in range(5):
        client.post(
            URL,
            {"username": user.email, "password": "wrong-password"},
            HTTP_X_FORWARDED_FOR="10.9.9.9, 81.56.20.1",  # forged first entry, then what the proxy saw
        )
    # Another forged first entry from the same client changes nothing.
    locked = client.post(
        URL, {"username": user.email, "password": DEFAULT_PASSWORD}, HTTP_X_FORWARDED_FOR="10.1.1.1, 81.56.20.1"
    )
    assert locked.status_code == 429
    # The same person from another place is not locked out by someone else's attempts.
    elsewhere = client.post(
        URL, {"username": user.email, "password": DEFAULT_PASSWORD}, HTTP_X_FORWARDED_FOR="91.198.174.192"
    )
    assert elsewhere.status_code == 302
