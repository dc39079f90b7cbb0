"""Issue 15 on a phone: a job found by its name typed without accents, by keyboard, and the toolbox searched."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.toolbox.builtin import load_builtin_entries

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GREEN_SPACES = "Agent·e d'entretien des espaces verts"


def _fits(page) -> None:
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width <= 390 + 1, f"the page scrolls sideways on a phone: {width}px wide"


def test_a_counsellor_picks_a_target_job_by_keyboard_on_a_phone(phone_page, french_aci):
    page = phone_page
    pathway = PathwayFactory(
        person=PersonFactory(structure=french_aci.structure, first_name="Awa", last_name="Diallo"),
        programme=french_aci.programme,
        referent=french_aci.counsellor,
        status=Status.IN_CONTRACT,
    )
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("professional_project:list", args=[pathway.public_id]))

    title = field(page, "Métier visé")
    expect(title).to_have_attribute("role", "combobox")
    expect(title).to_have_attribute("aria-expanded", "false")
    title.focus()
    page.keyboard.type("agent entretien espaces verts", delay=20)

    listbox = page.get_by_role("listbox", name="Métiers proposés")
    option = listbox.get_by_role("option", name=f"{GREEN_SPACES} A1203")
    expect(option).to_be_visible()
    expect(title).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").filter(has_text="proposé")).to_be_attached()
    _fits(page)
    assert_accessible(page)  # with the list open

    page.keyboard.press("ArrowDown")
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    first_id = listbox.get_by_role("option").first.get_attribute("id")
    expect(title).to_have_attribute("aria-activedescendant", first_id)
    page.keyboard.press("Enter")  # picks the job; the form is not sent yet

    expect(title).to_have_value(GREEN_SPACES)
    expect(field(page, "Code métier (ROME)")).to_have_value("A1203")
    expect(title).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(title).to_be_focused()

    # Escape closes the list without changing what was typed.
    title.fill("")
    page.keyboard.type("macon", delay=20)
    expect(page.get_by_role("option", name="Maçon·ne F1703")).to_be_visible()
    page.keyboard.press("Escape")
    expect(title).to_have_attribute("aria-expanded", "false")
    expect(title).to_have_value("macon")

    title.fill(GREEN_SPACES)
    page.get_by_role("button", name="Ajouter le métier").click()
    row = page.get_by_role("row", name=GREEN_SPACES)
    expect(row).to_contain_text("A1203")
    _fits(page)


def test_a_counsellor_searches_the_toolbox_on_a_phone(phone_page, french_aci):
    page = phone_page
    load_builtin_entries()  # a transactional test starts from an empty database
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("toolbox:entries"))
    page.get_by_label("Mots-clés").fill("competences")
    page.get_by_label("Famille").select_option(label="Choisir un projet professionnel")
    page.get_by_role("button", name="Chercher").click()
    expect(page.get_by_role("heading", name="Bilan de compétences")).to_be_visible()
    expect(page.get_by_role("heading", name="Organiser un covoiturage")).to_have_count(0)
    _fits(page)
    assert_accessible(page)
