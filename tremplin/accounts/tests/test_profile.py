import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db
URL = reverse("accounts:profile")


def valid(**overrides) -> dict:
    data = {"first_name": "Claire", "last_name": "Martin", "phone": "+33 6 12 34 56 78", "language": "en"}
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_every_role_even_a_partner_edits_their_own_profile(client, member):
    user = member(Role.PARTNER)
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    assert user.email in response.content.decode()


def test_it_saves_name_phone_and_language_and_sets_the_language_cookie(client, member):
    user = member(Role.COUNSELLOR)
    client.force_login(user)
    response = client.post(URL, valid())
    assert response.status_code == 302
    assert response.url == URL
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.phone, user.language) == (
        "Claire",
        "Martin",
        "+33 6 12 34 56 78",
        "en",
    )
    assert response.cookies["django_language"].value == "en"


def test_it_only_ever_changes_the_signed_in_user(client, member, structure):
    user = member(Role.DIRECTOR)
    colleague = member(Role.COUNSELLOR)
    client.force_login(user)
    client.post(URL, valid(email="hijack@example.org", id=colleague.pk))
    user.refresh_from_db()
    colleague.refresh_from_db()
    assert user.first_name == "Claire"
    assert user.email != "hijack@example.org"  # the address is not editable here
    assert colleague.first_name != "Claire"


def test_it_refuses_a_phone_with_letters_and_saves_nothing(client, member):
    user = member(Role.COUNSELLOR)
    client.force_login(user)
    response = client.post(URL, valid(phone="appelez-moi", first_name="Changed"))
    assert response.status_code == 200
    assert "Le numéro de téléphone" in response.context["form"].errors["phone"][0]
    user.refresh_from_db()
    assert user.first_name != "Changed"


def test_it_requires_first_and_last_name(client, member):
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(URL, valid(first_name="", last_name=""))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"first_name", "last_name"}


def test_it_refuses_a_language_that_is_not_offered(client, member):
    user = member(Role.COUNSELLOR)
    client.force_login(user)
    response = client.post(URL, valid(language="de"))
    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    user.refresh_from_db()
    assert user.language == ""


def test_the_browser_language_can_be_chosen_again(client, member):
    user = member(Role.COUNSELLOR)
    user.language = "en"
    user.save()
    client.force_login(user)
    client.post(URL, valid(language=""))
    user.refresh_from_db()
    assert user.language == ""
