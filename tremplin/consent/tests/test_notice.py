import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.consent.factories import InformationNoticeFactory
from tremplin.consent.models import InformationNotice

pytestmark = pytest.mark.django_db
URL = reverse("consent:notice")


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.DPO])
def test_the_director_and_the_dpo_see_the_default_notice(client, member, role, structure):
    client.force_login(member(role))
    response = client.get(URL)
    assert response.status_code == 200
    assert "Vos droits" in response.content.decode()
    assert not InformationNotice.objects.exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.ADMIN, Role.PARTNER])
def test_other_roles_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {}).status_code == 403


def test_it_shows_only_its_own_structures_notice(client, member):
    InformationNoticeFactory(text="Texte d'une autre structure")
    client.force_login(member(Role.DPO))
    assert "Texte d'une autre structure" not in client.get(URL).content.decode()


def test_it_publishes_a_new_version(client, member, structure):
    old = InformationNoticeFactory(structure=structure, version="1")
    client.force_login(member(Role.DPO))
    response = client.post(
        URL, {"version": "2", "published_on": timezone.localdate().isoformat(), "text": "Version deux"}
    )
    assert response.status_code == 302
    assert InformationNotice.objects.get(structure=structure, is_current=True).text == "Version deux"
    old.refresh_from_db()
    assert not old.is_current


def test_a_reused_version_name_is_refused_with_a_message(client, member, structure):
    InformationNoticeFactory(structure=structure, version="1")
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, {"version": "1", "published_on": timezone.localdate().isoformat(), "text": "x"})
    assert response.status_code == 200
    assert "existe déjà" in response.content.decode()
