"""Error pages: in the product's layout and the reader's language, saying what happened and where to go."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title", "next_step"),
    [("fr", "Page introuvable", "Se connecter"), ("en", "Page not found", "Log in")],
)
def test_an_unknown_address_shows_the_not_found_page_in_the_readers_language(client, language, title, next_step):
    response = client.get("/cette-page-n-existe-pas/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<h1 id="error-title">{title}</h1>' in html
    assert f'<html lang="{language}">' in html
    assert next_step in html
    assert 'class="site-header"' in html


def test_a_signed_in_member_without_the_role_sees_access_refused_with_the_menu_and_a_way_home(client, member):
    client.force_login(member(Role.SUPERVISOR))

    response = client.get(reverse("structures:settings"))

    assert response.status_code == 403
    html = response.content.decode()
    assert "Accès refusé" in html
    assert "403 Forbidden" not in html
    assert reverse("dashboards:home") in html and "Revenir à mon accueil" in html
    assert "Navigation principale" in html


def test_an_expired_form_explains_that_nothing_was_saved_and_what_to_do():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("accounts:login"), {"username": "a@example.org", "password": "x"})

    assert response.status_code == 403
    assert "Formulaire expiré" in response.content.decode()
    assert "rechargez la page" in response.content.decode()


@override_settings(ROOT_URLCONF="tremplin.core.tests.error_urls")
@pytest.mark.parametrize(("language", "title"), [("fr", "Une erreur est survenue"), ("en", "Something went wrong")])
def test_a_bug_shows_the_error_page_in_the_layout_without_technical_details(language, title):
    client = Client(raise_request_exception=False)

    response = client.get("/en-panne/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 500
    html = response.content.decode()
    assert title in html
    assert "RuntimeError" not in html and "Traceback" not in html
    assert 'class="site-header"' in html
