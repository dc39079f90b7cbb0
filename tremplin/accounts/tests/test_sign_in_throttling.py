"""django-axes: 5 failed sign-ins for one address from one IP address lock that pair for 15 minutes; 10 from any
addresses lock the account everywhere and e-mail its owner."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
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


# Guesses spread over many IP addresses: the account's own limit (10 in 15 minutes, from anywhere).
ACCOUNT_LIMIT = 10


def attempt_from(client, ip: str, email: str, password: str):
    return client.post(URL, {"username": email, "password": password}, REMOTE_ADDR=ip)


def spread_guesses(client, email: str, count: int = ACCOUNT_LIMIT) -> list:
    return [attempt_from(client, f"203.0.113.{index + 1}", email, "not-the-password") for index in range(count)]


def test_guesses_from_ten_addresses_lock_the_account_everywhere(client, member):
    user = member(Role.COUNSELLOR)
    responses = spread_guesses(client, user.email)
    assert [r.status_code for r in responses[:-1]] == [200] * (ACCOUNT_LIMIT - 1)
    assert responses[-1].status_code == 429
    # The right password, from an address that never failed, is refused with the lockout message.
    response = attempt_from(client, "198.51.100.7", user.email, DEFAULT_PASSWORD)
    assert response.status_code == 429
    assert "la connexion est bloquée pendant 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_owner_gets_one_notice_per_lockout_in_their_language(client, member):
    user = member(Role.COUNSELLOR)
    user.language = "en"
    user.save()
    spread_guesses(client, user.email.upper())
    for index in range(5):  # the attacker goes on: still one notice
        attempt_from(client, f"192.0.2.{index + 1}", user.email, "not-the-password")
    attempt_from(client, "198.51.100.7", user.email, DEFAULT_PASSWORD)
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == [user.email]
    # Its new sentences get their English with the next catalogue update; the signature already has it.
    assert "The Tremplin team" in notice.body
    assert reverse("accounts:password_reset") in notice.body
    assert "not-the-password" not in notice.body


def test_the_notice_is_in_french_by_default(client, member):
    user = member(Role.COUNSELLOR)
    spread_guesses(client, user.email)
    assert len(mail.outbox) == 1
    assert "Trop de tentatives de connexion ont échoué" in mail.outbox[0].body
    assert "L'équipe Tremplin" in mail.outbox[0].body


def test_a_new_lockout_after_the_cool_off_sends_a_new_notice(client, member):
    user = member(Role.COUNSELLOR)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        spread_guesses(client, user.email)
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        assert attempt_from(client, "198.51.100.7", user.email, DEFAULT_PASSWORD).status_code == 302
        client.post(reverse("accounts:logout"))
        spread_guesses(client, user.email)
    assert len(mail.outbox) == 2


def test_another_account_is_not_affected_by_the_account_lock(client, member):
    user, colleague = member(Role.COUNSELLOR), member(Role.COUNSELLOR)
    spread_guesses(client, user.email)
    response = attempt_from(client, "203.0.113.1", colleague.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert all(message.to == [user.email] for message in mail.outbox)


def test_one_address_alone_only_locks_itself_and_sends_no_notice(client, member):
    user = member(Role.COUNSELLOR)
    for _ in range(5):
        attempt_from(client, "203.0.113.1", user.email, "not-the-password")
    assert attempt_from(client, "203.0.113.1", user.email, DEFAULT_PASSWORD).status_code == 429
    assert attempt_from(client, "198.51.100.7", user.email, DEFAULT_PASSWORD).status_code == 302
    assert mail.outbox == []


def test_the_lockout_page_does_not_tell_whether_the_account_exists(client, member):
    user = member(Role.COUNSELLOR)
    pages = {}
    for email in (user.email, "nobody-here@example.org"):
        spread_guesses(client, email)
        response = attempt_from(client, "198.51.100.7", email, DEFAULT_PASSWORD)
        assert response.status_code == 429
        pages[email] = response.content.decode().replace(email, "ADDRESS")
    known, unknown = pages.values()
    assert _without_csrf(known) == _without_csrf(unknown)
    assert [message.to for message in mail.outbox] == [[user.email]]


def _without_csrf(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_the_owner_signing_in_elsewhere_does_not_lift_the_lock_of_the_guessing_address(client, member):
    user = member(Role.COUNSELLOR)
    for _ in range(5):
        attempt_from(client, "203.0.113.1", user.email, "not-the-password")
    assert attempt_from(client, "198.51.100.7", user.email, DEFAULT_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    assert attempt_from(client, "203.0.113.1", user.email, DEFAULT_PASSWORD).status_code == 429


def test_the_owner_signing_in_does_not_wipe_the_guesses_made_elsewhere(client, member):
    user = member(Role.COUNSELLOR)
    spread_guesses(client, user.email, ACCOUNT_LIMIT - 1)
    assert attempt_from(client, "198.51.100.7", user.email, DEFAULT_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    assert attempt_from(client, "192.0.2.1", user.email, "not-the-password").status_code == 429
