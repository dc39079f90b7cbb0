import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

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


# Throttle: at most 3 e-mails per address and 10 per client address per hour, always the same answer.


def test_twenty_five_requests_for_one_address_send_at_most_three_emails(client):
    UserFactory(email="claire@example.org")
    for _ in range(25):
        response = client.post(URL, {"email": "claire@example.org"})
        assert response.status_code == 302
        assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 3


def test_changing_the_case_of_the_address_does_not_escape_the_throttle(client):
    UserFactory(email="claire@example.org")
    for email in ("claire@example.org", "CLAIRE@example.org", " Claire@Example.ORG ", "claire@EXAMPLE.org"):
        client.post(URL, {"email": email})
    assert len(mail.outbox) == 3


def test_another_address_still_gets_its_email(client):
    UserFactory(email="claire@example.org")
    other = UserFactory(email="samir@example.org")
    for _ in range(25):
        client.post(URL, {"email": "claire@example.org"})
    client.post(URL, {"email": "samir@example.org"})
    assert len(mail.outbox) == 4
    assert mail.outbox[-1].to == [other.email]


def test_it_works_again_after_the_hour(client):
    UserFactory(email="claire@example.org")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            client.post(URL, {"email": "claire@example.org"})
    assert len(mail.outbox) == 3
    with time_machine.travel(start + datetime.timedelta(minutes=59), tick=False):
        client.post(URL, {"email": "claire@example.org"})
    assert len(mail.outbox) == 3
    with time_machine.travel(start + datetime.timedelta(minutes=61), tick=False):
        client.post(URL, {"email": "claire@example.org"})
    assert len(mail.outbox) == 4


def test_one_client_cannot_flood_many_addresses(client):
    for index in range(15):
        UserFactory(email=f"person{index}@example.org")
    for index in range(15):
        response = client.post(URL, {"email": f"person{index}@example.org"}, REMOTE_ADDR="203.0.113.9")
        assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 10
    # Someone else, elsewhere, is not held back by that client.
    client.post(URL, {"email": "person14@example.org"}, REMOTE_ADDR="198.51.100.7")
    assert len(mail.outbox) == 11


def test_the_answer_is_the_same_for_a_known_an_unknown_and_a_throttled_address(client):
    UserFactory(email="claire@example.org")
    for _ in range(3):
        client.post(URL, {"email": "claire@example.org"})
    answers = [
        client.post(URL, {"email": email}, follow=True)
        for email in ("claire@example.org", "nobody@example.org", "samir@example.org")
    ]
    assert {answer.redirect_chain[-1][0] for answer in answers} == {reverse("accounts:password_reset_done")}
    # The same page, but for the CSRF token, masked afresh on every page.
    assert len({re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", a.content.decode()) for a in answers}) == 1
