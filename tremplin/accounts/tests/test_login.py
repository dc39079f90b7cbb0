import pytest
from django.urls import reverse

from tremplin.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db
URL = reverse("accounts:login")


def test_it_shows_a_french_sign_in_form_asking_for_the_email_address(client):
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Connexion</h1>" in content
    assert "Adresse électronique" in content
    assert response.context["form"].fields["username"].label == "Adresse électronique"


def test_it_signs_in_with_email_and_password_and_goes_home(client, member):
    user = member(Role.COUNSELLOR)
    response = client.post(URL, {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert response.url == "/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_it_accepts_the_email_address_in_capitals(client, member):
    user = member(Role.COUNSELLOR)
    response = client.post(URL, {"username": f"  {user.email.upper()} ", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_it_refuses_a_wrong_password_with_a_message(client, member):
    user = member(Role.COUNSELLOR)
    response = client.post(URL, {"username": user.email, "password": "not-the-password"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Adresse électronique ou mot de passe incorrect. Vérifiez les deux ; le mot de passe distingue les "
        "majuscules des minuscules."
    ]
    assert "un adresse" not in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_asks_for_both_fields(client):
    response = client.post(URL, {"username": "", "password": ""})
    assert response.status_code == 200
    form = response.context["form"]
    assert "username" in form.errors and "password" in form.errors


def test_it_refuses_an_inactive_account(client):
    user = UserFactory(is_active=False)
    response = client.post(URL, {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_it_follows_a_local_next_but_never_another_site(client, member):
    user = member(Role.COUNSELLOR)
    response = client.post(URL, {"username": user.email, "password": DEFAULT_PASSWORD, "next": "/comptes/profil/"})
    assert response.url == "/comptes/profil/"
    client.logout()
    response = client.post(
        URL, {"username": user.email, "password": DEFAULT_PASSWORD, "next": "https://evil.example/steal"}
    )
    assert response.url == "/"


def test_a_signed_in_user_is_sent_home(client, member):
    client.force_login(member(Role.PARTNER))
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url == "/"
