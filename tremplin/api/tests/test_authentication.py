"""Tokens: missing, unknown, revoked, expired or of a member who left answer 401 in the error format."""

import datetime

import pytest
from django.utils import timezone

from tremplin.api.models import ApiToken, hash_key

PEOPLE = "/api/v1/people/"


def _codes(response) -> list[str]:
    return [error["code"] for error in response.json()["errors"]]


def test_a_valid_token_reads_as_its_member(world, token_for, call):
    response = call(token_for(), "GET", PEOPLE)
    assert response.status_code == 200
    assert {row["last_name"] for row in response.json()["results"]} == {"Diallo", "Martin"}


def test_no_token_is_401_with_the_error_format_and_the_scheme(world, call):
    response = call(None, "GET", PEOPLE)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert _codes(response) == ["not_authenticated"]
    assert response.json()["errors"][0]["field"] is None


def test_a_session_is_not_a_token(world, client, call):
    client.force_login(world["members"]["director"].user)
    assert call(None, "GET", PEOPLE).status_code == 401


def test_an_unknown_token_is_401(world, call):
    assert _codes(call("trp_nothing-like-this", "GET", PEOPLE)) == ["token_unknown"]


def test_a_revoked_token_is_401(world, token_for, call):
    token = token_for()
    token.revoked_at = timezone.now()
    token.save()
    response = call(token, "GET", PEOPLE)
    assert response.status_code == 401
    assert _codes(response) == ["token_revoked"]


def test_an_expired_token_is_401(world, token_for, call):
    token = token_for(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = call(token, "GET", PEOPLE)
    assert response.status_code == 401
    assert _codes(response) == ["token_expired"]


def test_the_token_of_a_member_who_left_is_401(world, token_for, call):
    token = token_for()
    token.membership.is_active = False
    token.membership.save()
    assert _codes(call(token, "GET", PEOPLE)) == ["membership_inactive"]


@pytest.mark.django_db
def test_tokens_are_stored_hashed(world, token_for):
    token = token_for()
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hash_key(token.key)
    assert token.key not in str(ApiToken.objects.filter(pk=token.pk).values().get())
