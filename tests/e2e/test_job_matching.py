"""A job coach imports offers from a CSV file (reads the validation report, confirms), opens the offers
ranked for a person with their reasons, and sends one. The applications story continues from the sent
offer in its own file (use tremplin.matching.services.send_offer or SentOfferFactory there)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, nav_link, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory
from tremplin.accounts.roles import Role
from tremplin.job_offers.models import JobOffer
from tremplin.matching.factories import MobilityProfileFactory
from tremplin.matching.models import SentOffer
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.professional_project.models import TargetJobStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coach(french_aci):
    user = UserFactory(email="julien.mercier@example.org", first_name="Julien", last_name="Mercier")
    MembershipFactory(user=user, structure=french_aci.structure, role=Role.JOB_COACH)
    return user


@pytest.fixture
def pathway(french_aci):
    """Amina Diallo, in contract, aims at gardening (confirmed), lives in Roubaix, no driving licence, bus and tram."""
    person = PersonFactory(
        structure=french_aci.structure,
        first_name="Amina",
        last_name="Diallo",
        driving_licence="none",
        french_level="B1",
    )
    pathway = PathwayFactory(
        person=person, programme=french_aci.programme, status=Status.IN_CONTRACT, referent=french_aci.counsellor
    )
    TargetJobFactory(
        pathway=pathway, job_code="A1203", title="Jardinier·ère paysagiste", status=TargetJobStatus.CONFIRMED
    )
    MobilityProfileFactory(person=person, transport="public_transport", max_travel_minutes=60)
    return pathway


def offers_csv() -> bytes:
    start = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    rows = [
        "code_metier;intitule;entreprise;code_postal;commune;type_contrat;duree_mois;date_debut;horaires;permis;latitude;longitude",
        f"A1203;Jardinier paysagiste;Verts Horizons;59000;Lille;cdd;6;{start};jour;non;50.63;3.06",
        f"K2204;Agent de propreté;Net Services;59100;Roubaix;cdi;;{start};tot;non;50.69;3.17",
        f"N4105;Livreur;Rapid Colis;59000;Lille;cdi;;{start};jour;oui;50.63;3.06",
        f"Z9999;Métier inconnu;Verts Horizons;59000;Lille;cdd;3;{start};jour;non;;",
    ]
    return ("\n".join(rows) + "\n").encode("utf-8")


def test_a_job_coach_imports_offers_sees_the_ranked_offers_for_a_person_and_sends_one(page, coach, pathway):
    sign_in(page, coach.email, DEFAULT_PASSWORD)

    # Import: the file is checked first, the report names the row and the problem, nothing is created yet.
    nav_link(page, "Offres et entreprises", "Emploi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Offres d'emploi")
    assert_accessible(page)
    page.get_by_role("link", name="Importer des offres (CSV, XLSX)").click()
    expect(page.get_by_role("link", name="Télécharger le fichier modèle (CSV)")).to_be_visible()
    assert_accessible(page)
    page.get_by_label(re.compile("Fichier des offres")).set_input_files(
        files=[{"name": "offres.csv", "mimeType": "text/csv", "buffer": offers_csv()}]
    )
    page.get_by_role("button", name="Vérifier le fichier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérification du fichier offres.csv")
    expect(page.get_by_text("Lignes valides : 3 sur 4 ; problèmes : 1.")).to_be_visible()
    problem = page.get_by_role("row").filter(has_text="Code métier inconnu : Z9999.")
    expect(problem).to_contain_text("5")
    expect(problem).to_contain_text("code_metier")
    assert_accessible(page)
    assert not JobOffer.objects.exists()
    page.get_by_role("button", name="Importer les 3 offres valides").click()
    expect(page.get_by_role("status")).to_contain_text("3 offres importées.")
    assert JobOffer.objects.count() == 3

    # The person's ranked offers, with the reasons and the offer ruled out by the missing licence.
    page.goto(reverse("people:detail", args=[pathway.person.public_id]))
    page.get_by_role("link", name="Offres d'emploi classées pour le parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Offres pour Amina Diallo")
    assert_accessible(page)
    ranked = page.get_by_role("table", name=re.compile("Offres ouvertes classées"))
    first = ranked.get_by_role("row").nth(1)
    expect(first).to_contain_text("Jardinier paysagiste")
    expect(first).to_contain_text("Même métier que le métier visé confirmé « Jardinier·ère paysagiste ».")
    expect(first).to_contain_text("min de trajet")
    expect(ranked.get_by_role("row").nth(2)).to_contain_text("Agent de propreté")
    excluded = page.get_by_role("table", name="Offres écartées et pourquoi")
    expect(excluded).to_contain_text("Livreur")
    expect(excluded).to_contain_text("Permis B exigé : la personne n'a pas le permis.")

    # Sending the best offer records it; the page then says when it was sent.
    first.get_by_role("button", name="Envoyer l'offre « Jardinier paysagiste »").click()
    expect(page.get_by_role("status")).to_contain_text("Offre « Jardinier paysagiste » envoyée à Amina Diallo.")
    expect(ranked.get_by_role("row").nth(1)).to_contain_text(f"Envoyée le {timezone.localdate():%d/%m/%Y}")
    assert_accessible(page)
    sent = SentOffer.objects.get()
    assert (sent.pathway, sent.offer.title, sent.sent_by) == (pathway, "Jardinier paysagiste", coach)

    # From the offer's side: the people ranked for it, Amina first, the offer already sent to her.
    nav_link(page, "Offres et entreprises", "Emploi").click()
    page.get_by_role("link", name="Personnes pour « Jardinier paysagiste »").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Personnes pour l'offre « Jardinier paysagiste »")
    first = page.get_by_role("table", name=re.compile("Personnes en parcours classées")).get_by_role("row").nth(1)
    expect(first).to_contain_text("Amina Diallo")
    expect(first).to_contain_text("Envoyée le")
    assert_accessible(page)

    # The employer created by the import is in the network, with the offer sent in its history.
    nav_link(page, "Offres et entreprises", "Emploi").click()
    page.get_by_role("link", name="Réseau d'entreprises").click()
    assert_accessible(page)
    page.get_by_role("link", name="Verts Horizons").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verts Horizons")
    expect(page.get_by_text("1 offre envoyée à une personne")).to_be_visible()
    assert_accessible(page)
