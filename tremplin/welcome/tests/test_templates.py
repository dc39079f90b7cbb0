"""welcome:templates, welcome:template_edit, welcome:template_move — the structure's welcome steps."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.structures.factories import StructureFactory
from tremplin.welcome import services
from tremplin.welcome.factories import WelcomeStepTemplateFactory
from tremplin.welcome.models import Doer, WelcomeStepTemplate

pytestmark = pytest.mark.django_db


def add(client, **fields):
    data = {"action": "add", "new-title": "Badge d'accès", "new-due_in_days": "2", "new-doer": Doer.PERSON}
    data.update({f"new-{k}": v for k, v in fields.items()})
    return client.post(reverse("welcome:templates"), data)


def test_a_structure_without_templates_sees_the_defaults_without_writing(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(reverse("welcome:templates"))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1>") == 1
    assert "Équipements et protections individuelles" in content
    assert not WelcomeStepTemplate.objects.exists()


def test_the_defaults_can_be_stored(client, member, structure):
    client.force_login(member(Role.ADMIN))
    assert client.post(reverse("welcome:templates"), {"action": "defaults"}).status_code == 302
    assert WelcomeStepTemplate.objects.filter(structure=structure).count() == len(services.DEFAULT_STEPS)


def test_adding_a_step(client, member, structure):
    client.force_login(member(Role.DIRECTOR))
    assert add(client).status_code == 302
    last = WelcomeStepTemplate.objects.filter(structure=structure).last()
    assert (last.title, last.due_in_days, last.doer) == ("Badge d'accès", 2, Doer.PERSON)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"due_in_days": "-3"}, "ne peut pas être négatif"),
        ({"due_in_days": "999"}, "ne peut pas dépasser 365 jours"),
        ({"due_in_days": "abc"}, "Délai en jours"),
        ({"title": ""}, "Intitulé"),
        ({"doer": "boss"}, "Fait par"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(client, member, fields, message):
    client.force_login(member(Role.DIRECTOR))
    response = add(client, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WelcomeStepTemplate.objects.exists()


def test_editing_and_deactivating_a_step(client, member, structure):
    template = WelcomeStepTemplateFactory(structure=structure, title="Ancien")
    client.force_login(member(Role.DIRECTOR))
    edit = reverse("welcome:template_edit", args=[template.public_id])
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"title": "Nouveau", "due_in_days": "4", "doer": Doer.DIRECTOR})
    assert response.status_code == 302
    template.refresh_from_db()
    assert (template.title, template.due_in_days, template.is_active) == ("Nouveau", 4, False)


def test_editing_refuses_a_negative_delay(client, member, structure):
    template = WelcomeStepTemplateFactory(structure=structure, due_in_days=1)
    client.force_login(member(Role.DIRECTOR))
    response = client.post(
        reverse("welcome:template_edit", args=[template.public_id]),
        {"title": "X", "due_in_days": "-1", "doer": Doer.DIRECTOR, "is_active": "on"},
    )
    assert response.status_code == 200
    template.refresh_from_db()
    assert template.due_in_days == 1


def test_reordering(client, member, structure):
    first = WelcomeStepTemplateFactory(structure=structure, title="A")
    WelcomeStepTemplateFactory(structure=structure, title="B")
    client.force_login(member(Role.DIRECTOR))
    move = reverse("welcome:template_move", args=[first.public_id])
    assert client.get(move).status_code == 405
    assert client.post(move, {"direction": "down"}).status_code == 302
    assert list(WelcomeStepTemplate.objects.values_list("title", flat=True)) == ["B", "A"]
    assert client.post(move, {"direction": "sideways"}).status_code == 404


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.JOB_COACH, Role.PARTNER])
def test_roles_without_structure_management_get_403(client, member, structure, role):
    template = WelcomeStepTemplateFactory(structure=structure)
    client.force_login(member(role))
    assert client.get(reverse("welcome:templates")).status_code == 403
    assert client.get(reverse("welcome:template_edit", args=[template.public_id])).status_code == 403
    assert (
        client.post(reverse("welcome:template_move", args=[template.public_id]), {"direction": "up"}).status_code == 403
    )


def test_another_structures_step_is_404(client, member):
    template = WelcomeStepTemplateFactory(structure=StructureFactory())
    client.force_login(member(Role.DIRECTOR))
    assert client.get(reverse("welcome:template_edit", args=[template.public_id])).status_code == 404
    move = reverse("welcome:template_move", args=[template.public_id])
    assert client.post(move, {"direction": "up"}).status_code == 404


def test_the_list_shows_only_the_current_structures_steps(client, member, structure):
    WelcomeStepTemplateFactory(structure=StructureFactory(), title="Étape d'ailleurs")
    WelcomeStepTemplateFactory(structure=structure, title="Étape d'ici")
    client.force_login(member(Role.DIRECTOR))
    content = client.get(reverse("welcome:templates")).content.decode()
    assert "Étape d&#x27;ici" in content and "ailleurs" not in content


def test_the_query_count_does_not_depend_on_the_number_of_steps(client, member, structure, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    WelcomeStepTemplateFactory(structure=structure)
    client.force_login(member(Role.DIRECTOR))
    client.get(reverse("welcome:templates"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("welcome:templates"))
    WelcomeStepTemplateFactory.create_batch(20, structure=structure)
    with django_assert_num_queries(len(few)):
        client.get(reverse("welcome:templates"))
