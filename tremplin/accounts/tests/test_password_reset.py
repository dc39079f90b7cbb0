import re

import pytest
from django.core import mail
from django.urls import reverse

from tremplin.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("accounts:password_reset")
NEW_PASSWORD = "Un-mot-de-passe-solide-42"


def link_in(message) -> str:
    return re.search(r"https?://\S+/mot-de-passe/choisir/\S+/", message.body).group(0)


def test_it_shows_a_french_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Mot de passe oublié" in response.content.decode()
    assert response.context["form"].fields["email"].label == "Adresse électronique"


def test_it_sends_a_plain_text_link_to_a_known_address(client):
    user = UserFactory(email="claire@example.org")
    response = client.post(URL, {"email": "Claire@Example.org"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "mot de passe" in message.subject
    assert "<" not in message.body  # plain text, no HTML
    assert link_in(message)


def test_it_says_the_same_for_an_unknown_address_and_sends_nothing(client):
    response = client.post(URL, {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_it_sends_nothing_to_a_deactivated_account(client):
    UserFactory(email="gone@example.org", is_active=False)
    client.post(URL, {"email": "gone@example.org"})
    assert mail.outbox == []


def test_it_helps_an_invited_person_whose_invitation_expired(client):
    user = UserFactory(email="new@example.org")
    user.set_unusable_password()
    user.save()
    client.post(URL, {"email": "new@example.org"})
    assert len(mail.outbox) == 1


def test_it_refuses_a_malformed_address(client):
    response = client.post(URL, {"email": "not-an-address"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert mail.outbox == []


def test_the_link_lets_the_person_choose_a_password_once(client):
    user = UserFactory(email="claire@example.org")
    client.post(URL, {"email": user.email})
    link = link_in(mail.outbox[0])

    response = client.get(link)
    assert response.status_code == 302  # Django hides the token from the page's URL
    form_url = response.url
    response = client.get(form_url)
    assert response.status_code == 200
    assert response.context["validlink"] is True

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": "something-else-entirely"})
    assert response.status_code == 200
    assert "new_password2" in response.context["form"].errors
    user.refresh_from_db()
    assert not user.check_password(NEW_PASSWORD)

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    client.cookies.clear()
    response = client.get(link, follow=True)
    assert response.context["validlink"] is False
    assert "plus valable" in response.content.decode()


def test_a_forged_link_is_refused(client):
    user = UserFactory()
    response = client.get(reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "abc-123"}))
    assert response.status_code == 200
    assert response.context["validlink"] is False
    user.refresh_from_db()
    assert user.has_usable_password()


def test_it_refuses_a_weak_password(client):
    user = UserFactory()
    client.post(URL, {"email": user.email})
    form_url = client.get(link_in(mail.outbox[0])).url
    response = client.post(form_url, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    assert "new_password2" in response.context["form"].errors


def test_done_and_complete_pages_are_french(client):
    assert "Lien envoyé" in client.get(reverse("accounts:password_reset_done")).content.decode()
    assert "Mot de passe enregistré" in client.get(reverse("accounts:password_reset_complete")).content.decode()
