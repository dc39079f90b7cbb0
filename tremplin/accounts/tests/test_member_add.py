import re

import pytest
from django.core import mail
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory, UserFactory
from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db
URL = reverse("accounts:member_add")


def valid(**overrides) -> dict:
    data = {
        "email": "Nadia.Benali@Example.org",
        "first_name": "Nadia",
        "last_name": "Benali",
        "role": Role.COUNSELLOR,
        "job_title": "CIP",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.post(URL, valid()).status_code == 302
    assert not User.objects.filter(email="nadia.benali@example.org").exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.CASE_MANAGER, Role.PARTNER])
def test_roles_without_team_management_can_neither_see_nor_post(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, valid()).status_code == 403
    assert not User.objects.filter(email="nadia.benali@example.org").exists()


def test_it_shows_the_form(client, member):
    client.force_login(member(Role.ADMIN))
    response = client.get(URL)
    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"email", "first_name", "last_name", "role", "job_title"}


def test_it_creates_the_account_and_sends_an_invitation_with_a_password_link(
    client, member, structure, django_capture_on_commit_callbacks
):
    director = member(Role.DIRECTOR)
    client.force_login(director)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid())
    assert response.status_code == 302
    assert response.url == reverse("accounts:members")

    user = User.objects.get(email="nadia.benali@example.org")
    assert (user.first_name, user.last_name) == ("Nadia", "Benali")
    assert not user.has_usable_password()
    membership = user.memberships.get()
    assert (membership.structure, membership.role, membership.job_title) == (structure, Role.COUNSELLOR, "CIP")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nadia.benali@example.org"]
    assert structure.name in message.subject
    link = re.search(r"https?://\S+/mot-de-passe/choisir/\S+/", message.body).group(0)

    client.logout()
    form_url = client.get(link).url
    response = client.post(form_url, {"new_password1": "Jardin-partage-2024!", "new_password2": "Jardin-partage-2024!"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Jardin-partage-2024!")


def test_it_attaches_an_existing_account_without_renaming_it_or_inviting_it(
    client, member, structure, django_capture_on_commit_callbacks
):
    existing = UserFactory(email="nadia.benali@example.org", first_name="Nadia", last_name="Ben Ali")
    MembershipFactory(user=existing, structure=StructureFactory())
    client.force_login(member(Role.DIRECTOR))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid(last_name="Autre nom"))
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.last_name == "Ben Ali"
    assert existing.has_usable_password()
    assert existing.memberships.filter(structure=structure, role=Role.COUNSELLOR).exists()
    assert mail.outbox == []


def test_it_refuses_someone_already_in_the_team_with_a_message_on_the_email(client, member, structure):
    colleague = member(Role.COUNSELLOR)
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, valid(email=colleague.email.upper(), role=Role.SUPERVISOR))
    assert response.status_code == 200
    assert "déjà à un membre de l'équipe" in response.context["form"].errors["email"][0]
    assert colleague.memberships.get().role == Role.COUNSELLOR


def test_it_refuses_an_inactive_former_member_too(client, member, structure):
    former = MembershipFactory(structure=structure, is_active=False).user
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, valid(email=former.email))
    assert "email" in response.context["form"].errors
    assert Membership.objects.filter(user=former).count() == 1


def test_it_reports_each_bad_field_and_creates_nothing(client, member, django_capture_on_commit_callbacks):
    client.force_login(member(Role.DIRECTOR))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid(email="not-an-address", first_name="", role="king"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "first_name", "role"}
    assert User.objects.count() == 1
    assert mail.outbox == []


def test_only_the_direction_gives_the_direction_role(client, member):
    client.force_login(member(Role.ADMIN))
    response = client.post(URL, valid(role=Role.DIRECTOR))
    assert response.status_code == 200
    assert "Seul un membre de la direction" in response.context["form"].errors["role"][0]
    assert not User.objects.filter(email="nadia.benali@example.org").exists()

    client.force_login(member(Role.DIRECTOR))
    assert client.post(URL, valid(role=Role.DIRECTOR)).status_code == 302


def test_it_adds_to_the_current_structure_only(client, structure):
    """A director of two structures adds to the one they are working in."""
    director = MembershipFactory(structure=structure, role=Role.DIRECTOR).user
    other = StructureFactory(name="AAA première par ordre alphabétique")
    MembershipFactory(user=director, structure=other, role=Role.DIRECTOR)
    client.force_login(director)
    session = client.session
    session["current_structure"] = str(structure.public_id)
    session.save()
    client.post(URL, valid())
    added = User.objects.get(email="nadia.benali@example.org")
    assert list(added.memberships.values_list("structure", flat=True)) == [structure.pk]
