import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db
URL = reverse("accounts:set_language")


def test_get_is_refused_even_for_anonymous_visitors(client, member):
    assert client.get(URL).status_code == 405
    client.force_login(member(Role.DIRECTOR))
    assert client.get(URL).status_code == 405


def test_anonymous_post_is_sent_to_sign_in(client):
    response = client.post(URL, {"language": "en"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_saves_the_language_sets_the_cookie_and_goes_back(client, member):
    user = member(Role.PARTNER)
    client.force_login(user)
    response = client.post(URL, {"language": "en", "next": "/comptes/profil/"})
    assert response.status_code == 302
    assert response.url == "/comptes/profil/"
    assert response.cookies["django_language"].value == "en"
    user.refresh_from_db()
    assert user.language == "en"


def test_the_next_pages_are_shown_in_the_chosen_language(client, member):
    client.force_login(member(Role.COUNSELLOR))
    client.post(URL, {"language": "en", "next": "/comptes/profil/"})
    response = client.get(reverse("accounts:profile"))
    assert 'lang="en"' in response.content.decode()


def test_it_never_redirects_to_another_site(client, member):
    client.force_login(member(Role.COUNSELLOR))
    for unsafe in ("https://evil.example/", "//evil.example/", ""):
        response = client.post(URL, {"language": "fr", "next": unsafe})
        assert response.url == "/"


def test_it_refuses_an_unknown_language_and_changes_nothing(client, member):
    user = member(Role.COUNSELLOR)
    client.force_login(user)
    response = client.post(URL, {"language": "xx", "next": "/"})
    assert response.status_code == 400
    assert "Langue inconnue" in response.content.decode()
    assert "django_language" not in response.cookies
    user.refresh_from_db()
    assert user.language == ""
