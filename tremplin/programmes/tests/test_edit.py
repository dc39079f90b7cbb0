import uuid

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(programme) -> str:
    return reverse("programmes:edit", kwargs={"public_id": programme.public_id})


def data(programme, **overrides) -> dict:
    payload = {
        "kind": programme.kind,
        "name": programme.name,
        "agreement_reference": programme.agreement_reference,
        "yearly_positive_exit_target": "",
        "is_active": "on",
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def programme(structure):
    return ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_ACI, name="ACI Maraîchage")


def test_anonymous_visitors_are_sent_to_sign_in(client, programme):
    assert client.get(url(programme)).status_code == 302


def test_it_edits_the_programme(client, member, programme):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(programme)).status_code == 200
    payload = data(programme, name="ACI Maraîchage bio", yearly_positive_exit_target="55")
    del payload["is_active"]
    response = client.post(url(programme), payload)
    assert response.status_code == 302
    programme.refresh_from_db()
    assert (programme.name, programme.yearly_positive_exit_target, programme.is_active) == (
        "ACI Maraîchage bio",
        55,
        False,
    )


def test_a_member_of_another_structure_gets_404(client, member, programme):
    client.force_login(member(Role.DIRECTOR, structure_=StructureFactory()))
    assert client.get(url(programme)).status_code == 404
    assert client.post(url(programme), data(programme, name="Volé")).status_code == 404
    programme.refresh_from_db()
    assert programme.name == "ACI Maraîchage"


def test_an_unknown_identifier_gets_404(client, member):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(reverse("programmes:edit", kwargs={"public_id": uuid.uuid4()})).status_code == 404


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.CASE_MANAGER, Role.PARTNER])
def test_roles_without_structure_management_get_403(client, member, programme, role):
    client.force_login(member(role))
    assert client.get(url(programme)).status_code == 403
    assert client.post(url(programme), data(programme, name="Autre")).status_code == 403


def test_it_refuses_a_target_above_100_percent(client, member, programme):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(url(programme), data(programme, yearly_positive_exit_target="120", name="Changé"))
    assert response.status_code == 200
    assert "entre 0 et 100" in response.context["form"].errors["yearly_positive_exit_target"][0]
    programme.refresh_from_db()
    assert programme.name == "ACI Maraîchage"


def test_the_kind_may_change_while_no_pathway_uses_it(client, member, programme):
    client.force_login(member(Role.DIRECTOR))
    assert client.post(url(programme), data(programme, kind=ProgrammeKind.FR_EI)).status_code == 302
    programme.refresh_from_db()
    assert programme.kind == ProgrammeKind.FR_EI


def test_the_kind_is_locked_once_pathways_follow_its_rules(client, member, structure, programme):
    PathwayFactory(person__structure=structure, programme=programme)
    client.force_login(member(Role.DIRECTOR))
    response = client.post(url(programme), data(programme, kind=ProgrammeKind.FR_EI))
    assert response.status_code == 200
    assert "déjà des parcours" in response.context["form"].errors["kind"][0]
    programme.refresh_from_db()
    assert programme.kind == ProgrammeKind.FR_ACI
    # Other fields stay editable.
    assert client.post(url(programme), data(programme, name="ACI renommé")).status_code == 302


def test_it_refuses_a_kind_of_another_country(client, member, programme):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(url(programme), data(programme, kind=ProgrammeKind.IT_COOP_B))
    assert "kind" in response.context["form"].errors
