"""The employer network: identifiers, duplicates, interactions, history, list and ownership."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.employers import services
from tremplin.employers.factories import CompanyFactory, ContactFactory, InteractionFactory, SiteFactory
from tremplin.employers.models import Company, Interaction, normalise_name, siret_is_valid
from tremplin.matching.factories import SentOfferFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory
from tremplin.structures.models import StructureKind

pytestmark = pytest.mark.django_db

VALID_SIRET = "73282932000074"  # a well-known valid SIRET (Luhn)


@pytest.fixture
def coach(member):
    return member(Role.JOB_COACH)


def test_siret_luhn_key():
    assert siret_is_valid(VALID_SIRET)
    assert not siret_is_valid("73282932000075")
    assert not siret_is_valid("7328293200007")
    assert siret_is_valid("35600000000051")  # La Poste: digit sum a multiple of 5, no Luhn key


def test_names_are_compared_without_case_accents_or_legal_form():
    assert normalise_name("SARL Les Jardins d'Élise") == normalise_name("jardins d elise")


def test_a_job_coach_adds_a_company_with_its_relationships(client, coach, structure):
    client.force_login(coach)

    response = client.post(
        reverse("employers:create"),
        {"name": "Verts Jardins", "identifier": "732 829 320 00074", "relationships": ["hiring", "tutoring"]},
    )

    company = Company.objects.get()
    assert response.url == reverse("employers:detail", args=[company.public_id])
    assert (company.identifier, company.relationship_codes, company.created_by) == (
        VALID_SIRET,
        ["hiring", "tutoring"],
        coach,
    )


def test_a_wrong_siret_is_refused_in_a_french_structure_only(client, member, structure):
    structure.kind = StructureKind.ACI
    structure.save()
    client.force_login(member(Role.JOB_COACH))

    response = client.post(reverse("employers:create"), {"name": "Verts Jardins", "identifier": "73282932000075"})

    assert "clé de contrôle" in response.context["form"].errors["identifier"][0]
    assert not Company.objects.exists()
    belgian = StructureFactory(kind=StructureKind.CPAS)
    company = services.save_company(Company(structure=belgian, name="Groen", identifier="0123.456.789"))
    assert company.identifier == "0123.456.789"


def test_the_same_siret_is_refused_and_a_similar_name_needs_confirmation(client, coach, structure):
    CompanyFactory(structure=structure, name="SARL Verts Jardins", identifier=VALID_SIRET)
    client.force_login(coach)

    same_siret = client.post(reverse("employers:create"), {"name": "Autre nom", "identifier": VALID_SIRET})
    assert "déjà celui de l'entreprise « SARL Verts Jardins »" in same_siret.context["form"].errors["identifier"][0]
    similar = client.post(reverse("employers:create"), {"name": "Verts jardins"})
    assert "nom très proche" in similar.context["form"].errors["name"][0]
    assert Company.objects.count() == 1

    confirmed = client.post(reverse("employers:create"), {"name": "Verts jardins", "accept_similar_name": "on"})
    assert confirmed.status_code == 302
    assert Company.objects.count() == 2


def test_another_structures_company_is_no_duplicate():
    CompanyFactory(name="Verts Jardins", identifier=VALID_SIRET)
    mine = services.save_company(Company(structure=StructureFactory(), name="Verts Jardins", identifier=VALID_SIRET))
    assert mine.pk


def test_an_interaction_with_a_next_step_is_logged(client, coach, structure):
    company = CompanyFactory(structure=structure)
    contact = ContactFactory(company=company)
    client.force_login(coach)

    response = client.post(
        reverse("employers:interaction_create", args=[company.public_id]),
        {
            "kind": "visit",
            "happened_on": "2026-11-02",
            "contact": contact.pk,
            "next_step": "Envoyer deux profils",
            "next_step_on": "2026-11-20",
        },
    )

    assert response.status_code == 302
    interaction = Interaction.objects.get()
    assert (interaction.kind, interaction.contact, interaction.by, interaction.next_step_on) == (
        "visit",
        contact,
        coach,
        datetime.date(2026, 11, 20),
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"next_step": "Rappeler", "next_step_on": "2026-10-01"}, "next_step_on", "ne peut pas précéder"),
        ({"next_step_on": "2026-11-20"}, "next_step", "Dites quelle est la prochaine étape"),
        ({"happened_on": ""}, "happened_on", "Indiquez la date de l'échange."),
        ({"kind": ""}, "kind", "Choisissez le type d'échange."),
    ],
)
def test_bad_interactions_are_refused_with_a_message(client, coach, structure, fields, field, message):
    company = CompanyFactory(structure=structure)
    client.force_login(coach)

    response = client.post(
        reverse("employers:interaction_create", args=[company.public_id]),
        {"kind": "call", "happened_on": "2026-11-02"} | fields,
    )

    assert any(message in error for error in response.context["form"].errors[field])
    assert not Interaction.objects.exists()


def test_a_contact_of_another_company_cannot_be_chosen(client, coach, structure):
    company = CompanyFactory(structure=structure)
    other_contact = ContactFactory(company=CompanyFactory(structure=structure))
    client.force_login(coach)
    response = client.post(
        reverse("employers:interaction_create", args=[company.public_id]),
        {"kind": "call", "happened_on": "2026-11-02", "contact": other_contact.pk},
    )
    assert "contact" in response.context["form"].errors


def test_the_company_page_shows_sites_contacts_interactions_and_history(client, coach, structure):
    company = CompanyFactory(structure=structure, name="Verts Jardins")
    SiteFactory(company=company, name="Dépôt de Lomme")
    ContactFactory(company=company, last_name="Lefebvre")
    InteractionFactory(company=company, next_step="Rappeler en janvier")
    pathway = PathwayFactory(person=PersonFactory(structure=structure, first_name="Amina", last_name="Diallo"))
    SentOfferFactory(pathway=pathway, offer__company=company, offer__title="Jardinier en parc")
    client.force_login(coach)

    response = client.get(reverse("employers:detail", args=[company.public_id]))

    page = response.content.decode()
    for text in (
        "Dépôt de Lomme",
        "Lefebvre",
        "Rappeler en janvier",
        "Jardinier en parc",
        "Amina Diallo",
        "1 offre envoyée",
    ):
        assert text in page
    assert response.context["history"]["sent_count"] == 1


def test_the_list_filters_and_keeps_its_queries_constant(client, coach, structure):
    CompanyFactory(structure=structure, name="Verts Jardins", relationships=",hiring,")
    client.force_login(coach)
    client.get(reverse("employers:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("employers:list"))
    for index in range(10):
        company = CompanyFactory(structure=structure, name=f"Tutorat {index}", relationships=",tutoring,")
        InteractionFactory(company=company)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("employers:list"))
    assert len(many) == len(few)

    response = client.get(reverse("employers:list"), {"relation": "hiring"})
    assert [c.name for c in response.context["page"].object_list] == ["Verts Jardins"]
    response = client.get(reverse("employers:list"), {"q": "tutorat 3"})
    assert [c.name for c in response.context["page"].object_list] == ["Tutorat 3"]


def test_a_company_is_edited(client, coach, structure):
    company = CompanyFactory(structure=structure, name="Verts Jardins")
    client.force_login(coach)
    form = client.get(reverse("employers:edit", args=[company.public_id])).context["form"]

    response = client.post(
        reverse("employers:edit", args=[company.public_id]),
        {
            "name": "Verts Jardins du Nord",
            "relationships": ["immersion_host"],
            "concurrency_token": form["concurrency_token"].value(),
        },
    )

    assert response.status_code == 302
    company.refresh_from_db()
    assert (company.name, company.relationship_codes) == ("Verts Jardins du Nord", ["immersion_host"])


def test_partners_and_supervisors_are_refused(client, member):
    for role in (Role.PARTNER, Role.SUPERVISOR, Role.ADMIN):
        client.force_login(member(role))
        assert client.get(reverse("employers:list")).status_code == 403


def test_it_refuses_another_structures_company(client, structure):
    company = CompanyFactory(structure=structure)
    site = SiteFactory(company=company)
    contact = ContactFactory(company=company)
    client.force_login(MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user)
    for url in (
        reverse("employers:detail", args=[company.public_id]),
        reverse("employers:edit", args=[company.public_id]),
        reverse("employers:interaction_create", args=[company.public_id]),
        reverse("employers:site_edit", args=[site.public_id]),
        reverse("employers:contact_edit", args=[contact.public_id]),
    ):
        assert client.get(url).status_code == 404


def test_the_history_counts_applications_hires_and_immersions_when_those_apps_are_there(client, coach, structure):
    applications = pytest.importorskip("tremplin.applications.factories")
    immersions = pytest.importorskip("tremplin.immersions.factories")
    company = CompanyFactory(structure=structure, name="Verts Jardins")
    pathway = PathwayFactory(person=PersonFactory(structure=structure))
    applications.ApplicationFactory(pathway=pathway, company=company, status="hired")
    applications.ApplicationFactory(pathway=pathway, company=company, status="applied")
    applications.ApplicationFactory(pathway=pathway)  # another employer
    immersions.ImmersionFactory(pathway=pathway, company=company)
    client.force_login(coach)

    response = client.get(reverse("employers:detail", args=[company.public_id]))

    history = response.context["history"]
    assert (history["applications"], history["hires"], history["immersions"]) == (2, 1, 1)
    page = response.content.decode()
    assert "Candidatures : 2" in page and "Embauches : 1" in page and "Immersions : 1" in page


def test_the_list_shows_the_next_step_to_come(client, coach, structure):
    from django.utils import timezone

    company = CompanyFactory(structure=structure)
    today = timezone.localdate()
    InteractionFactory(company=company, next_step_on=today - datetime.timedelta(days=3))
    InteractionFactory(company=company, next_step_on=today + datetime.timedelta(days=9))
    InteractionFactory(company=company, next_step_on=today + datetime.timedelta(days=20))
    client.force_login(coach)

    response = client.get(reverse("employers:list"))

    assert response.context["page"].object_list[0].next_step_on == today + datetime.timedelta(days=9)
