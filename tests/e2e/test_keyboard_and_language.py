"""Keyboard use, interface language and the phone layout."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.accounts.models import User
from tremplin.contracts.factories import ContractFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ENGLISH_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.mo"


def focused(page) -> dict:
    return page.evaluate(
        "() => ({id: document.activeElement.id, tag: document.activeElement.tagName, "
        "text: document.activeElement.textContent.trim()})"
    )


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(page, french_aci):
    PathwayFactory(
        person=PersonFactory(structure=french_aci.structure, first_name="Inès", last_name="Garcia"),
        programme=french_aci.programme,
        referent=french_aci.counsellor,
    )
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes personnes")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    # Hidden off-screen until focused, then visible to sighted keyboard users.
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    assert page.url.endswith("#main")
    # The next Tab continues inside the main content, at its first link, not back in the header.
    page.keyboard.press("Tab")
    first_link = page.get_by_role("main").get_by_role("link").first
    expect(first_link).to_be_focused()
    assert page.evaluate("() => document.activeElement.closest('header') === null")


def test_the_sign_in_form_can_be_filled_and_sent_with_the_keyboard_only(page, french_aci):
    page.goto(reverse("accounts:login"))
    email = page.get_by_label("Adresse électronique")
    expect(email).to_be_focused()  # autofocus: the only task of the page

    page.keyboard.type(french_aci.counsellor.email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Mot de passe")).to_be_focused()
    page.keyboard.type(DEFAULT_PASSWORD)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Se connecter")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Mes personnes")
    expect(page).to_have_url(re.compile(r"/$"))


def test_switching_the_language_to_english_is_kept_on_the_account(page, live_server, french_aci):
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("people:list"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    page.get_by_label("Langue").select_option(label="English")
    page.get_by_role("button", name="Changer").click()
    page.wait_for_load_state()

    # Back on the same page, now in English.
    expect(page).to_have_url(re.compile(re.escape(reverse("people:list")) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    with translation.override("en"):
        home_in_english = translation.gettext("Accueil")
        people_in_english = translation.gettext("Personnes accompagnées")
    if ENGLISH_CATALOGUE.exists() and home_in_english != "Accueil":
        expect(page.get_by_role("navigation").first.get_by_role("link", name=home_in_english)).to_be_visible()
        expect(page.get_by_role("heading", level=1)).to_have_text(people_in_english)
    assert User.objects.get(pk=french_aci.counsellor.pk).language == "en"

    # The choice follows the account: a new session on another device is in English too.
    context = page.context.browser.new_context(base_url=live_server.url, locale="fr-FR")
    try:
        other = context.new_page()
        sign_in(other, french_aci.counsellor.email, DEFAULT_PASSWORD)
        expect(other.locator("html")).to_have_attribute("lang", "en")
    finally:
        context.close()


@pytest.fixture
def long_caseload(french_aci):
    """Enough people, with long names, to fill a page of the list."""
    for index in range(30):
        person = PersonFactory(
            structure=french_aci.structure,
            first_name=f"Marie-Christine{index:02d}",
            last_name="de La Tour-Dubois-Vandenberghe",
        )
        status = Status.IN_CONTRACT if index % 3 == 0 else Status.CANDIDATE
        pathway = PathwayFactory(
            person=person,
            programme=french_aci.programme,
            status=status,
            referent=french_aci.counsellor,
            supervisor=french_aci.supervisor if status == Status.IN_CONTRACT else None,
            worksite=french_aci.worksite if status == Status.IN_CONTRACT else None,
        )
        if status == Status.IN_CONTRACT:
            ContractFactory(pathway=pathway, worksite=french_aci.worksite)
    return french_aci


def test_on_a_phone_the_people_list_fits_the_screen_width(phone_page, long_caseload):
    sign_in(phone_page, long_caseload.counsellor.email, DEFAULT_PASSWORD)
    phone_page.goto(reverse("people:list"))
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Personnes accompagnées")
    expect(phone_page.get_by_role("status")).to_have_text("30 parcours")
    expect(phone_page.get_by_role("link", name="de La Tour-Dubois-Vandenberghe Marie-Christine00")).to_be_attached()

    width = phone_page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width <= 390 + 1, f"the whole page scrolls sideways on a phone: {width}px wide"
    # The list is a table made to become cards on a phone (docs: the design system's tables).
    expect(phone_page.locator("table.cards-on-phone")).to_be_visible()
    assert_accessible(phone_page)
