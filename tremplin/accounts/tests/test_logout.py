import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db
URL = reverse("accounts:logout")


def test_it_refuses_get_so_that_a_link_cannot_sign_someone_out(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    assert response.status_code == 405
    assert "_auth_user_id" in client.session


def test_it_signs_out_on_post_and_goes_to_sign_in(client, member):
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(URL)
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_anonymous_post_just_goes_to_sign_in(client):
    response = client.post(URL)
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
