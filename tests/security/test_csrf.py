"""CSRF: every URL refuses a POST without the token (403) and nothing changes.

A POST without token is what a forged cross-site form sends. Every URL of
the project is tried, so a new state-changing view is covered at once.
"""

import pytest
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import reverse

from tests.security.helpers import build_structure, changed, every_url, snapshot


@pytest.fixture
def world(db):
    return build_structure("A")


@pytest.mark.parametrize("role", ["director", "counsellor"])
def test_a_post_without_token_is_refused_everywhere_and_changes_nothing(world, role):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"][role])
    before = snapshot()
    failures = []
    for name, url in every_url(world):
        status = client.post(url, {"reason": "x", "title": "x", "next": "/"}).status_code
        if status != 403:
            failures.append(f"{name}: POST without token got {status}")
    assert not failures, "\n".join(failures)
    assert changed(before, snapshot()) == []


def test_anonymous_posts_without_token_are_refused_too(world):
    client = Client(enforce_csrf_checks=True)
    for name in ("accounts:login", "accounts:password_reset", "accounts:logout", "accounts:set_language"):
        assert client.post(reverse(name), {"email": "x@example.org"}).status_code == 403, name


def test_the_same_client_with_the_token_is_let_through(world):
    """The refusals above come from the missing token, not from a broken client."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"]["director"])
    response = client.get(reverse("people:create"))
    token = get_token(response.wsgi_request)

    response = client.post(reverse("people:create"), {"csrfmiddlewaretoken": token})

    assert response.status_code == 200
