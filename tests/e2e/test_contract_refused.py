"""A contract that breaks the French CDDI rules is refused, with the rule shown where it applies."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, short_date, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.contracts.models import Contract
from tremplin.core.dates import add_months
from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def eligible_pathway(french_aci):
    person = PersonFactory(structure=french_aci.structure, first_name="Yanis", last_name="Lefebvre")
    pathway = PathwayFactory(
        person=person, programme=french_aci.programme, status=Status.ELIGIBLE, referent=french_aci.counsellor
    )
    diagnosis = EligibilityDiagnosisFactory(pathway=pathway, made_by=french_aci.counsellor)
    CriterionProofFactory(diagnosis=diagnosis)
    return pathway


def error_next_to(page, label: str):
    """The error messages printed in the same field block as the input labelled `label`."""
    return page.locator(".field").filter(has=field(page, label)).locator(".error")


def test_a_too_short_contract_with_too_few_hours_and_no_reason_is_refused_and_nothing_is_saved(
    page, french_aci, eligible_pathway
):
    today = timezone.localdate()
    end = add_months(today, 3) - datetime.timedelta(days=1)
    earliest = add_months(today, 4) - datetime.timedelta(days=1)
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("people:detail", args=[eligible_pathway.person.public_id]))
    page.get_by_role("link", name="Signer un contrat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signer un contrat avec Yanis Lefebvre")

    field(page, "Date de début").fill(today.isoformat())
    field(page, "Date de fin prévue").fill(end.isoformat())
    field(page, "Heures par semaine").fill("15")
    field(page, "Poste").fill("Agent·e d'entretien des espaces verts")
    field(page, "Chantier ou atelier").select_option(label="Jardin de la Lys")
    page.get_by_role("button", name="Signer le contrat").click()

    # Still the form, with each rule next to its field and in the summary at the top.
    expect(page.get_by_role("heading", level=1)).to_have_text("Signer un contrat avec Yanis Lefebvre")
    assert page.url.endswith(reverse("contracts:create", args=[eligible_pathway.public_id]))
    too_short = f"Un contrat d'insertion dure au moins 4 mois : avec un début le {short_date(today)}, la fin prévue doit être au plus tôt le {short_date(earliest)}"
    too_few_hours = "En dessous de 20 heures par semaine, le contrat doit indiquer pourquoi"
    expect(error_next_to(page, "Date de fin prévue")).to_contain_text(too_short)
    expect(error_next_to(page, "Motif d'une durée réduite")).to_contain_text(too_few_hours)
    expect(field(page, "Date de fin prévue")).to_have_attribute("aria-invalid", "true")
    expect(field(page, "Motif d'une durée réduite")).to_have_attribute("aria-invalid", "true")
    # A screen reader announces the rule when the field gets focus, not only the summary.
    expect(field(page, "Date de fin prévue")).to_have_accessible_description(re.compile(re.escape(too_short)))
    expect(field(page, "Motif d'une durée réduite")).to_have_accessible_description(
        re.compile(re.escape(too_few_hours))
    )

    summary = page.get_by_role("alert").filter(has_text="Le formulaire contient des erreurs")
    expect(summary).to_be_visible()
    expect(
        summary.get_by_role(
            "link", name=re.compile(r"^Date de fin prévue : Un contrat d'insertion dure au moins 4 mois")
        )
    ).to_be_visible()
    expect(
        summary.get_by_role("link", name=re.compile(r"^Motif d'une durée réduite : En dessous de 20 heures"))
    ).to_be_visible()

    # What was typed is kept, so that only the wrong parts need changing.
    expect(field(page, "Date de fin prévue")).to_have_value(end.isoformat())
    expect(field(page, "Heures par semaine")).to_have_value("15")
    expect(field(page, "Poste")).to_have_value("Agent·e d'entretien des espaces verts")
    assert_accessible(page)

    # The summary's link takes the keyboard to the field concerned.
    summary.get_by_role("link", name=re.compile(r"^Motif d'une durée réduite")).click()
    expect(field(page, "Motif d'une durée réduite")).to_be_focused()

    assert not Contract.objects.exists()
    eligible_pathway.refresh_from_db()
    assert eligible_pathway.status == Status.ELIGIBLE

    page.get_by_role("link", name="Retour à la fiche de Yanis Lefebvre").click()
    expect(
        page.get_by_role("heading", name=re.compile(r"Parcours Chantier d'insertion ACI — Éligible"))
    ).to_be_visible()
    expect(page.get_by_text("Aucun contrat signé.")).to_be_visible()
