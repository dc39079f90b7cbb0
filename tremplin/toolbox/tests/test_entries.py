import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.structures.factories import StructureFactory
from tremplin.toolbox.factories import ToolboxEntryFactory
from tremplin.toolbox.models import ToolboxEntry

pytestmark = pytest.mark.django_db

VALID = {
    "title_fr": "Navette du chantier",
    "title_en": "Worksite shuttle",
    "description_fr": "Départ 7 h place de la mairie",
    "description_en": "Leaves 7 am from the town hall",
    "domains": ["mobility"],
    "section": "mobility",
    "kind": "orientation",
}


def test_a_manager_sees_own_and_builtin_entries(client, structure, member):
    ToolboxEntryFactory(structure=structure, title_fr="Navette du chantier")
    ToolboxEntryFactory(structure=StructureFactory(), title_fr="Fiche d'une autre structure")
    client.force_login(member(Role.DIRECTOR))
    response = client.get(reverse("toolbox:entries"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Navette du chantier" in html
    assert "Financer le permis de conduire" in html
    assert "autre structure" not in html


def test_builtin_entries_are_read_only_on_the_list(client, member):
    client.force_login(member(Role.ADMIN))
    response = client.get(reverse("toolbox:entries"))
    builtin = ToolboxEntry.objects.filter(structure__isnull=True).first()
    assert reverse("toolbox:entry_edit", kwargs={"public_id": builtin.public_id}) not in response.content.decode()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.JOB_COACH, Role.PARTNER, Role.DPO])
def test_other_roles_get_403(client, member, role):
    client.force_login(member(role))
    assert client.get(reverse("toolbox:entries")).status_code == 403
    assert client.post(reverse("toolbox:entry_create"), VALID).status_code == 403


def test_the_list_has_a_constant_query_count(client, structure, member, django_assert_num_queries):
    client.force_login(member(Role.DIRECTOR))
    ToolboxEntryFactory(structure=structure)
    client.get(reverse("toolbox:entries"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("toolbox:entries"))
    ToolboxEntryFactory.create_batch(30, structure=structure)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("toolbox:entries"))
    assert len(response.context["page"].object_list) == 25


def test_a_manager_adds_an_entry(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(reverse("toolbox:entry_create"), VALID)
    assert response.status_code == 302
    entry = ToolboxEntry.objects.get(structure=structure)
    assert (entry.title_fr, entry.domains, entry.section) == ("Navette du chantier", ["mobility"], "mobility")


def test_bad_input_names_the_fields_and_saves_nothing(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(
        reverse("toolbox:entry_create"), {**VALID, "title_fr": "  ", "domains": ["spaceflight"], "section": "x"}
    )
    assert response.status_code == 200
    assert {"title_fr", "domains", "section"} <= set(response.context["form"].errors)
    assert not ToolboxEntry.objects.filter(structure=structure).exists()


def test_no_domain_is_refused(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    data = {k: v for k, v in VALID.items() if k != "domains"}
    response = client.post(reverse("toolbox:entry_create"), data)
    assert "au moins un domaine" in response.context["form"].errors["domains"][0]


def test_a_manager_edits_an_own_entry(client, structure, member):
    entry = ToolboxEntryFactory(structure=structure)
    client.force_login(member(Role.ADMIN))
    url = reverse("toolbox:entry_edit", kwargs={"public_id": entry.public_id})
    assert client.get(url).status_code == 200
    assert client.post(url, {**VALID, "domains": ["housing", "money"]}).status_code == 302
    entry.refresh_from_db()
    assert entry.domains == ["housing", "money"]


def test_a_builtin_entry_cannot_be_edited(client, member):
    builtin = ToolboxEntry.objects.filter(structure__isnull=True).first()
    client.force_login(member(Role.DIRECTOR))
    url = reverse("toolbox:entry_edit", kwargs={"public_id": builtin.public_id})
    assert client.get(url).status_code == 404
    assert client.post(url, VALID).status_code == 404


def test_it_refuses_another_structures_entry(client, member):
    entry = ToolboxEntryFactory(structure=StructureFactory())
    client.force_login(member(Role.DIRECTOR))
    url = reverse("toolbox:entry_edit", kwargs={"public_id": entry.public_id})
    assert client.get(url).status_code == 404
    assert client.post(url, VALID).status_code == 404


def test_a_counsellor_cannot_edit_an_entry(client, structure, member):
    entry = ToolboxEntryFactory(structure=structure)
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(reverse("toolbox:entry_edit", kwargs={"public_id": entry.public_id})).status_code == 403
