"""A counsellor of a French ACI takes a person from candidate to a signed contract."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, nav_link, short_date, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.contracts.models import Contract
from tremplin.core.dates import add_months
from tremplin.eligibility.models import EligibilityDiagnosis
from tremplin.pathways.models import Pathway, Status
from tremplin.people.models import Person

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BIRTH_DATE = datetime.date(1984, 5, 17)


def fill_candidate(page, programme_name: str) -> None:
    field(page, "Prénom").fill("Amina")
    field(page, "Nom").fill("Diallo")
    field(page, "Date de naissance").fill(BIRTH_DATE.isoformat())
    field(page, "Dispositif").select_option(label=programme_name)


def test_a_counsellor_records_a_candidate_checks_eligibility_and_signs_a_contract(page, french_aci):
    today = timezone.localdate()
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)

    # People list.
    nav_link(page, "Personnes accompagnées", "Personnes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Personnes accompagnées")
    expect(page.get_by_text("Aucun parcours pour le moment.")).to_be_visible()
    assert_accessible(page)

    # The create form, first sent empty: the errors are shown and accessible.
    page.get_by_role("link", name="Enregistrer une candidature").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enregistrer une candidature")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer la candidature").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".error-summary")).to_contain_text("Prénom")
    # The structure's only programme is already chosen: nothing to ask for it.
    expect(page.locator(".error-summary")).not_to_contain_text("Choisissez le dispositif du parcours.")
    expect(field(page, "Dispositif")).to_have_value(str(french_aci.programme.pk))
    assert_accessible(page)
    assert not Person.objects.exists()

    # Recorded: the person's page, with the counsellor as référent·e.
    fill_candidate(page, french_aci.programme.name)
    expect(field(page, "Référent·e")).to_have_value(str(french_aci.counsellor.pk))
    page.get_by_role("button", name="Enregistrer la candidature").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amina Diallo")
    expect(page.get_by_role("status")).to_contain_text("Amina Diallo est enregistré·e et son parcours est ouvert.")
    expect(
        page.get_by_role("heading", name=re.compile(r"Parcours Chantier d'insertion ACI — Candidat·e"))
    ).to_be_visible()
    assert_accessible(page)
    person = Person.objects.get()
    person_url = page.url
    assert person_url.endswith(reverse("people:detail", args=[person.public_id]))

    # The same person again: the possible duplicate is shown, nothing is saved without confirmation.
    page.goto(reverse("people:create"))
    fill_candidate(page, french_aci.programme.name)
    page.get_by_role("button", name="Enregistrer la candidature").click()
    expect(page.get_by_role("heading", name="Personnes semblables déjà enregistrées")).to_be_visible()
    duplicates = page.get_by_role("table", name="Personnes semblables")
    expect(duplicates.get_by_role("link", name="Amina Diallo")).to_be_visible()
    expect(duplicates).to_contain_text(short_date(BIRTH_DATE))
    confirm = page.get_by_label("Je confirme qu'il s'agit d'une autre personne")
    expect(confirm).to_be_visible()
    expect(confirm).not_to_be_checked()
    expect(page.locator(".error-summary")).to_contain_text("Des personnes semblables sont déjà enregistrées")
    assert_accessible(page)
    assert Person.objects.count() == 1
    assert Pathway.objects.count() == 1

    # Eligibility: one level-1 criterion (RSA) with its proof date.
    page.goto(person_url)
    page.get_by_role("link", name=re.compile(r"^Vérifier l'éligibilité")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifier l'éligibilité d'Amina Diallo")
    assert_accessible(page)
    page.get_by_label("Bénéficiaire du RSA", exact=True).check()
    page.get_by_label("Date du justificatif — Bénéficiaire du RSA").fill(
        (today - datetime.timedelta(days=10)).isoformat()
    )
    page.get_by_role("button", name="Enregistrer le diagnostic").click()

    valid_until = add_months(today, 6) - datetime.timedelta(days=1)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Diagnostic d'éligibilité du")
    expect(page.locator("dl.facts .badge")).to_have_text("Éligible")
    expect(page.get_by_role("status")).to_contain_text(f"la personne est éligible jusqu'au {short_date(valid_until)}")
    expect(page.locator("dl.facts")).to_contain_text(f"{short_date(valid_until)} (valable aujourd'hui)")
    expect(page.get_by_role("table", name="Critères retenus et justificatifs vus")).to_contain_text(
        "Bénéficiaire du RSA"
    )
    assert_accessible(page)
    diagnosis = EligibilityDiagnosis.objects.get()
    assert diagnosis.is_eligible and diagnosis.valid_until == valid_until
    assert Pathway.objects.get().status == Status.ELIGIBLE

    # Contract: 6 months, 26 hours a week, on the worksite.
    page.get_by_role("link", name="Retour à la fiche d'Amina Diallo").click()
    expect(
        page.get_by_role("heading", name=re.compile(r"Parcours Chantier d'insertion ACI — Éligible"))
    ).to_be_visible()
    page.get_by_role("link", name="Signer un contrat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signer un contrat avec Amina Diallo")
    expect(page.locator("dl.facts")).to_contain_text(f"valable jusqu'au {short_date(valid_until)}")
    assert_accessible(page)
    end = add_months(today, 6) - datetime.timedelta(days=1)
    field(page, "Date de début").fill(today.isoformat())
    field(page, "Date de fin prévue").fill(end.isoformat())
    field(page, "Heures par semaine").fill("26")
    field(page, "Poste").fill("Agent·e de maraîchage")
    field(page, "Chantier ou atelier").select_option(label="Jardin de la Lys")
    page.get_by_role("button", name="Signer le contrat").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Contrat d'Amina Diallo — Agent·e de maraîchage")
    expect(page.get_by_role("status")).to_contain_text(f"Contrat signé : du {short_date(today)} au {short_date(end)}.")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("Jardin de la Lys")
    expect(facts).to_contain_text("26")
    assert_accessible(page)
    contract = Contract.objects.get()
    assert (contract.start_date, contract.planned_end_date, contract.weekly_hours) == (today, end, 26)
    assert contract.worksite == french_aci.worksite
    assert Pathway.objects.get().status == Status.IN_CONTRACT

    # Home: the person is in contract in the counsellor's caseload.
    page.get_by_role("link", name="Accueil").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes personnes")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Amina Diallo"))
    expect(row).to_contain_text("En contrat")
    expect(row).to_contain_text(short_date(end))
    assert_accessible(page)

    # People list: the same, with the worksite.
    nav_link(page, "Personnes accompagnées", "Personnes").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Diallo Amina"))
    expect(row).to_contain_text("En contrat")
    expect(row).to_contain_text("Jardin de la Lys")
