"""A director reads the structure dashboard and manages the team, worksites, programmes and settings."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, nav_link, short_date, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def busy_aci(french_aci):
    """13 people in contract on a worksite led by one supervisor (the ACI rule is 12), one contract ending soon,
    and two candidates."""
    today = timezone.localdate()
    for index in range(13):
        person = PersonFactory(structure=french_aci.structure, last_name=f"Personne{index:02d}", first_name="Test")
        if index == 0:
            person.first_name, person.last_name = "Lucas", "Moreau"
            person.save()
        pathway = PathwayFactory(
            person=person,
            programme=french_aci.programme,
            status=Status.IN_CONTRACT,
            referent=french_aci.counsellor,
            supervisor=french_aci.supervisor,
            worksite=french_aci.worksite,
        )
        ends_in = 20 if index == 0 else 150
        ContractFactory(
            pathway=pathway,
            worksite=french_aci.worksite,
            start_date=today - datetime.timedelta(days=100),
            planned_end_date=today + datetime.timedelta(days=ends_in),
        )
    for _ in range(2):
        PathwayFactory(
            person=PersonFactory(structure=french_aci.structure),
            programme=french_aci.programme,
            status=Status.CANDIDATE,
            referent=french_aci.counsellor,
        )
    return french_aci


def expect_supervision_warning(row) -> None:
    """The ratio warning is a sentence (not a colour) giving the count, the supervisors and the rule."""
    expect(row).to_contain_text("13 personnes en contrat pour 1 encadrant·e")
    expect(row).to_contain_text(re.compile(r"\b12\b[^.]*par encadrant·e"))


def test_a_director_reads_the_structure_dashboard_with_the_supervision_warning(page, busy_aci):
    today = timezone.localdate()
    sign_in(page, busy_aci.director.email, DEFAULT_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord — ACI Les Jardins du Nord")

    nav_link(page, "Tableau de bord de la structure", "Structure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord — ACI Les Jardins du Nord")

    by_status = page.get_by_role("table", name="Nombre de personnes accompagnées à chaque étape du parcours")
    expect(by_status.get_by_role("row").filter(has_text="En contrat")).to_contain_text("13")
    expect(by_status.get_by_role("row").filter(has_text="Candidat·e")).to_contain_text("2")

    ending = page.get_by_role("table", name=re.compile(r"^1 contrat arrive à son terme"))
    ending_row = ending.get_by_role("row").filter(has=page.get_by_role("link", name="Lucas Moreau"))
    expect(ending_row).to_contain_text(short_date(today + datetime.timedelta(days=20)))
    expect(ending_row).to_contain_text("20 jours")
    expect(ending.get_by_role("row")).to_have_count(2)  # header and Lucas only

    worksites = page.get_by_role("table", name="Personnes en contrat et encadrant·es par chantier")
    row = worksites.get_by_role("row").filter(has_text="Jardin de la Lys")
    expect(row).to_contain_text("13 / 14")
    expect(row).to_contain_text("Karim Benali")
    expect_supervision_warning(row)
    assert_accessible(page)


def test_a_director_opens_worksites_programmes_and_settings(page, busy_aci):
    sign_in(page, busy_aci.director.email, DEFAULT_PASSWORD)

    nav_link(page, "Paramètres", "Structure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Paramètres de la structure")
    expect(field(page, "Nom")).to_have_value("ACI Les Jardins du Nord")
    expect(page.get_by_text("Atelier et chantier d'insertion (ACI)")).to_be_visible()
    assert_accessible(page)

    settings_nav = page.get_by_role("navigation", name="Paramètres")
    settings_nav.get_by_role("link", name="Chantiers et ateliers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chantiers et ateliers")
    row = page.get_by_role("row").filter(has_text="Jardin de la Lys")
    expect(row).to_contain_text("Karim Benali")
    expect_supervision_warning(row)
    assert_accessible(page)

    page.go_back()
    page.get_by_role("navigation", name="Paramètres").get_by_role("link", name="Dispositifs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dispositifs")
    row = page.get_by_role("row").filter(has_text="Chantier d'insertion ACI")
    expect(row).to_contain_text("Actif")
    expect(row.get_by_role("link", name="Modifier Chantier d'insertion ACI")).to_be_visible()
    assert_accessible(page)


def test_a_director_adds_a_member_by_email_and_sees_them_in_the_team(page, busy_aci, mailoutbox):
    sign_in(page, busy_aci.director.email, DEFAULT_PASSWORD)
    nav_link(page, "Équipe", "Structure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Équipe d'ACI Les Jardins du Nord")
    expect(page.get_by_role("table", name="3 membres")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Ajouter un membre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ajouter un membre à l'équipe")
    assert_accessible(page)
    field(page, "Adresse électronique").fill("Sofia.Rossi@example.org")
    field(page, "Prénom").fill("Sofia")
    field(page, "Nom").fill("Rossi")
    field(page, "Rôle").select_option(label="Conseiller·ère en insertion (CIP)")
    field(page, "Intitulé du poste").fill("Conseillère en insertion")
    page.get_by_role("button", name="Ajouter").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Équipe d'ACI Les Jardins du Nord")
    expect(page.get_by_role("status")).to_contain_text(
        "Sofia Rossi a rejoint l'équipe. Une invitation à choisir un mot de passe a été envoyée à sofia.rossi@example.org."
    )
    team = page.get_by_role("table", name="4 membres")
    row = team.get_by_role("row").filter(has_text="sofia.rossi@example.org")
    expect(row).to_contain_text("Sofia Rossi")
    expect(row).to_contain_text("Conseiller·ère en insertion (CIP)")
    expect(row).to_contain_text("Actif")
    assert_accessible(page)

    membership = Membership.objects.get(structure=busy_aci.structure, user__email="sofia.rossi@example.org")
    assert membership.role == Role.COUNSELLOR and membership.is_active
    assert not membership.user.has_usable_password()
    assert [message.to for message in mailoutbox] == [["sofia.rossi@example.org"]]
