"""Password rules: length over composition (12 characters at least), no common or all-digit password."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db


def set_password_page(client, user) -> str:
    """Follows the reset link as a user would: the token is swapped for a session one."""
    url = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    response = client.get(url)
    assert response.status_code == 302
    return response.url


def test_an_11_character_password_is_refused(client, member):
    user = member(Role.COUNSELLOR)
    url = set_password_page(client, user)
    response = client.post(url, {"new_password1": "Kx7#mPq2!vZ", "new_password2": "Kx7#mPq2!vZ"})
    assert response.status_code == 200
    errors = response.context["form"].errors["new_password2"]
    assert any("12 caractères" in error for error in errors)
    user.refresh_from_db()
    assert not user.check_password("Kx7#mPq2!vZ")


def test_a_long_simple_passphrase_is_accepted(client, member):
    user = member(Role.COUNSELLOR)
    url = set_password_page(client, user)
    phrase = "cheval agrafe pluie"
    response = client.post(url, {"new_password1": phrase, "new_password2": phrase})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(phrase)


def test_a_common_password_is_refused_even_when_long(client, member):
    user = member(Role.COUNSELLOR)
    url = set_password_page(client, user)
    response = client.post(url, {"new_password1": "password1234", "new_password2": "password1234"})
    assert response.status_code == 200
    assert response.context["form"].errors
