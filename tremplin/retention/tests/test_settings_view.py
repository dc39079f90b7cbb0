import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.retention.models import RetentionSetting
from tremplin.retention.rules import Category

pytestmark = pytest.mark.django_db
URL = reverse("retention:settings")


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.DPO])
def test_the_director_and_the_dpo_see_the_rules(client, member, role):
    client.force_login(member(role))
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Journal des accès" in content and "de 12 à 36 mois" in content
    assert "365 jours" in content or "180 jours" in content


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.ADMIN, Role.CASE_MANAGER, Role.PARTNER])
def test_other_roles_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {Category.ACTIVE_FILE: "12"}).status_code == 403
    assert not RetentionSetting.objects.exists()


def test_it_saves_an_override_within_bounds(client, member, structure):
    client.force_login(member(Role.DPO))
    response = client.post(URL, {Category.ACTIVE_FILE: "18", Category.ELIGIBILITY_PROOFS: ""})
    assert response.status_code == 302
    assert RetentionSetting.objects.get(structure=structure).months == 18


def test_a_duration_out_of_bounds_is_refused_with_the_bound_named(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, {Category.ACTIVE_FILE: "48", Category.ELIGIBILITY_PROOFS: "12"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "entre 12 et 36 mois" in content and "entre 24 et 60 mois" in content
    assert not RetentionSetting.objects.exists()


def test_emptying_a_field_returns_to_the_default(client, member, structure):
    RetentionSetting.objects.create(structure=structure, category=Category.ACTIVE_FILE, months=18)
    client.force_login(member(Role.DIRECTOR))
    client.post(URL, {Category.ACTIVE_FILE: "", Category.ELIGIBILITY_PROOFS: ""})
    assert not RetentionSetting.objects.exists()


def test_it_changes_only_its_own_structure(client, member, other_structure_member, structure):
    RetentionSetting.objects.create(structure=structure, category=Category.ACTIVE_FILE, months=18)
    client.force_login(other_structure_member)
    client.post(URL, {Category.ACTIVE_FILE: "30", Category.ELIGIBILITY_PROOFS: ""})
    assert RetentionSetting.objects.get(structure=structure).months == 18
