import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.partners.factories import NetworkFactory, PartnerOrganisationFactory
from tremplin.structures.factories import StructureFactory
from tremplin.toolbox.factories import ToolboxEntryFactory
from tremplin.toolbox.models import ToolboxEntry

pytestmark = pytest.mark.django_db

VALID = {
    "title_fr": "Navette du chantier",
    "title_en": "Worksite shuttle",
    "family": "barriers",
    "description_fr": "Départ 7 h place de la mairie",
    "description_en": "Leaves 7 am from the town hall",
    "domains": ["mobility"],
    "section": "mobility",
    "kind": "orientation",
}


def _titles(response) -> list[str]:
    return [entry.title for entry in response.context["page"].object_list]


def test_a_counsellor_browses_the_whole_toolbox(client, structure, member):
    ToolboxEntryFactory(structure=structure, title_fr="Navette du chantier")
    ToolboxEntryFactory(structure=StructureFactory(), title_fr="Fiche d'une autre structure")
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(reverse("toolbox:entries"))
    assert response.status_code == 200
    html = response.content.decode()
    assert _titles(response)[0] == "Navette du chantier"  # the structure's own entries come first
    assert "autre structure" not in html
    assert response.context["page"].paginator.count == ToolboxEntry.objects.filter(structure__isnull=True).count() + 1
    assert reverse("toolbox:entry_create") in html


def test_the_search_ignores_accents_and_case(client, member):
    client.force_login(member(Role.COUNSELLOR))
    found = _titles(client.get(reverse("toolbox:entries"), {"q": "BILAN competences"}))
    assert "Bilan de compétences" in found
    assert "Organiser un covoiturage" not in found
    response = client.get(reverse("toolbox:entries"), {"q": "validation experience"})
    assert "Validation des acquis de l'expérience (VAE)" in _titles(response)


def test_the_search_reads_who_offers_it_and_how_to_reach_it(client, member):
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(reverse("toolbox:entries"), {"q": "Transitions Pro"})
    assert _titles(response) == ["Dispositifs de transition professionnelle"]
    html = response.content.decode()
    assert "Qui le propose" in html and "Comment y accéder" in html


def test_filters_by_family_and_by_barrier_domain(client, member):
    client.force_login(member(Role.COUNSELLOR))
    funding = _titles(client.get(reverse("toolbox:entries"), {"famille": "funding"}))
    assert "Compte personnel de formation (CPF)" in funding
    assert "Organiser un covoiturage" not in funding
    basic = client.get(reverse("toolbox:entries"), {"frein": "basic_skills"}).context["page"].object_list
    assert basic and all("basic_skills" in entry.domains for entry in basic)
    # A whole domain code only: "language" does not pick "basic_skills" or the other way round.
    language = client.get(reverse("toolbox:entries"), {"frein": "language"}).context["page"].object_list
    assert all("language" in entry.domains for entry in language)


def test_the_search_is_kept_across_pages(client, structure, member):
    ToolboxEntryFactory.create_batch(30, structure=structure, title_fr="Atelier Zéphyr")
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(reverse("toolbox:entries"), {"q": "zephyr"})
    assert response.context["page"].paginator.count == 30
    assert "q=zephyr&amp;page=2" in response.content.decode()
    assert len(client.get(reverse("toolbox:entries"), {"q": "zephyr", "page": 2}).context["page"]) == 5


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.JOB_COACH, Role.ADMIN, Role.CASE_MANAGER])
def test_whoever_follows_people_reads_the_toolbox(client, member, role):
    client.force_login(member(role))
    assert client.get(reverse("toolbox:entries"), {"q": "permis"}).status_code == 200


@pytest.mark.parametrize("role", [Role.PARTNER, Role.DPO])
def test_partners_and_the_dpo_get_403(client, member, role):
    client.force_login(member(role))
    assert client.get(reverse("toolbox:entries")).status_code == 403
    assert client.post(reverse("toolbox:entry_create"), VALID).status_code == 403


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.JOB_COACH])
def test_readers_who_do_not_write_plans_cannot_add_entries(client, structure, member, role):
    client.force_login(member(role))
    assert reverse("toolbox:entry_create") not in client.get(reverse("toolbox:entries")).content.decode()
    assert client.post(reverse("toolbox:entry_create"), VALID).status_code == 403
    entry = ToolboxEntryFactory(structure=structure)
    assert client.get(reverse("toolbox:entry_edit", kwargs={"public_id": entry.public_id})).status_code == 403


def test_the_list_has_a_constant_query_count(client, structure, member, django_assert_num_queries):
    client.force_login(member(Role.COUNSELLOR))
    partner = PartnerOrganisationFactory(structure=structure)
    ToolboxEntryFactory(structure=structure, partner=partner)
    client.get(reverse("toolbox:entries"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("toolbox:entries"))
    for _ in range(30):
        ToolboxEntryFactory(structure=structure, partner=PartnerOrganisationFactory(structure=structure))
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("toolbox:entries"))
    assert len(response.context["page"].object_list) == 25


def test_a_counsellor_adds_a_local_entry_with_a_partner_of_the_directory(client, structure, member):
    partner = PartnerOrganisationFactory(structure=structure, name="Garage solidaire du Hainaut")
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(
        reverse("toolbox:entry_create"),
        {**VALID, "partner": partner.pk, "provider_fr": "Le garage, sur orientation", "access_fr": "Appeler le lundi"},
    )
    assert response.status_code == 302
    entry = ToolboxEntry.objects.get(structure=structure)
    assert (entry.title_fr, entry.domains, entry.partner) == ("Navette du chantier", ["mobility"], partner)
    html = client.get(reverse("toolbox:entries"), {"q": "navette"}).content.decode()
    assert reverse("partners:detail", kwargs={"public_id": partner.public_id}) in html
    assert "Garage solidaire du Hainaut" in html and "Appeler le lundi" in html


def test_a_partner_shared_by_the_network_can_be_attached(client, structure, member):
    network = NetworkFactory()
    network.structures.add(structure)
    shared = PartnerOrganisationFactory(structure=StructureFactory(), network=network)
    client.force_login(member(Role.COUNSELLOR))
    assert client.post(reverse("toolbox:entry_create"), {**VALID, "partner": shared.pk}).status_code == 302
    assert ToolboxEntry.objects.get(structure=structure).partner == shared


def test_a_partner_of_another_structure_is_refused(client, structure, member):
    foreign = PartnerOrganisationFactory(structure=StructureFactory())
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(reverse("toolbox:entry_create"), {**VALID, "partner": foreign.pk})
    assert response.status_code == 200
    assert "partner" in response.context["form"].errors
    assert not ToolboxEntry.objects.filter(structure=structure).exists()


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


def test_an_own_entry_is_edited_and_found_by_its_new_words(client, structure, member):
    entry = ToolboxEntryFactory(structure=structure)
    client.force_login(member(Role.COUNSELLOR))
    url = reverse("toolbox:entry_edit", kwargs={"public_id": entry.public_id})
    assert client.get(url).status_code == 200
    assert (
        client.post(url, {**VALID, "title_fr": "Épicerie sociale", "domains": ["housing", "money"]}).status_code == 302
    )
    entry.refresh_from_db()
    assert entry.domains == ["housing", "money"]
    assert _titles(client.get(reverse("toolbox:entries"), {"q": "epicerie", "frein": "money"})) == ["Épicerie sociale"]


def test_a_builtin_entry_cannot_be_edited(client, member):
    builtin = ToolboxEntry.objects.filter(structure__isnull=True).first()
    client.force_login(member(Role.DIRECTOR))
    url = reverse("toolbox:entry_edit", kwargs={"public_id": builtin.public_id})
    assert client.get(url).status_code == 404
    assert client.post(url, VALID).status_code == 404


def test_it_refuses_another_structures_entry(client, member):
    entry = ToolboxEntryFactory(structure=StructureFactory())
    client.force_login(member(Role.COUNSELLOR))
    url = reverse("toolbox:entry_edit", kwargs={"public_id": entry.public_id})
    assert client.get(url).status_code == 404
    assert client.post(url, VALID).status_code == 404
