"""The design system on a 390-px phone: a short header, a menu reached with the keyboard, the programme's
sections in one menu, tables as cards, and no serious accessibility violation (docs/design-system.md)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def awa(french_aci):
    pathway = PathwayFactory(
        person=PersonFactory(structure=french_aci.structure, first_name="Awa", last_name="Diallo"),
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        referent=french_aci.counsellor,
        supervisor=french_aci.supervisor,
        worksite=french_aci.worksite,
    )
    ObservationFactory(pathway=pathway, author=french_aci.supervisor, needs_social_follow_up=True)
    return pathway


def no_sideways_scroll(page) -> None:
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className)"
    )
    assert width <= 391, f"the page scrolls sideways on a phone: {width}px wide ({wide})"


def test_on_a_phone_the_header_is_short_and_its_menu_opens_with_the_keyboard(phone_page, french_aci, awa):
    page = phone_page
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes personnes")

    header = page.locator("header.site-header").bounding_box()
    assert header["height"] < 0.25 * 844, f"the header takes {header['height']}px of an 844-px screen"
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(nav).to_be_hidden()

    # Skip link, brand, then the menu button.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    menu = page.locator("details.site-menu > summary")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()

    # The "Personnes" group opens with the keyboard too, and counts what waits (read after the page).
    page.keyboard.press("Tab")  # Accueil
    page.keyboard.press("Tab")
    group = nav.locator("details.nav-group > summary").first
    expect(group).to_be_focused()
    expect(group).to_contain_text("Personnes")
    page.keyboard.press("Enter")
    inbox = nav.get_by_role("link", name=re.compile(r"^Observations à lire"))
    expect(inbox).to_be_visible()
    expect(inbox.locator(".nav-count")).to_have_text(re.compile(r"1\b"))
    assert_accessible(page)

    # Escape closes the group and gives the focus back to it.
    inbox.focus()
    page.keyboard.press("Escape")
    expect(group).to_be_focused()
    expect(inbox).to_be_hidden()
    header_width = page.evaluate("() => document.querySelector('header.site-header').scrollWidth")
    assert header_width <= 390, f"the open menu is {header_width}px wide"

    # A tap on a link of an open group follows it.
    group.tap()
    inbox.tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Observations à lire")


def test_on_a_phone_the_programme_sections_are_one_menu_naming_the_current_one(phone_page, french_aci, awa):
    page = phone_page
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("barriers:list", args=[awa.public_id]))

    card = page.get_by_role("region", name="En bref : Awa Diallo")
    expect(card).to_contain_text("En contrat")
    expect(card).to_contain_text("Claire Martin")  # the référente, read after the page

    sections = page.get_by_role("navigation", name=re.compile(r"^Programme d'insertion"))
    button = sections.locator("summary")
    expect(button).to_have_text(re.compile(r"Rubriques du parcours\s*: Freins"))
    expect(sections.get_by_role("link", name="Entretiens")).to_be_hidden()
    box = sections.bounding_box()
    assert box["height"] < 60, f"the closed sections menu is {box['height']}px high"

    button.click()
    for name in ("Fiche", "Accueil", "Freins", "Plan d'action", "Entretiens", "Chronologie"):
        expect(sections.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(sections.get_by_role("link", name="Freins", exact=True)).to_have_attribute("aria-current", "page")
    no_sideways_scroll(page)
    assert_accessible(page)


def test_on_a_phone_a_table_of_cards_does_not_scroll_sideways(phone_page, french_aci):
    page = phone_page
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("dashboards:components"))

    table = page.locator("table.cards-on-phone")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(3)
    # Each row is a card as wide as the screen allows, its cells labelled by their column.
    first = rows.first.bounding_box()
    assert first["width"] <= 390
    label = rows.first.locator("td").nth(2).evaluate("cell => getComputedStyle(cell, '::before').content")
    assert "Référent·e" in label
    no_sideways_scroll(page)
    assert_accessible(page)


def test_on_a_desktop_the_menu_is_a_row_of_groups(page, french_aci, awa):
    sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
    header = page.locator("header.site-header").bounding_box()
    # Under a fifth of the first screen (it was a quarter before the design system, 222 px for the director).
    assert header["height"] < 900 / 5, f"the header is {header['height']}px high on a desktop"
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(page.locator("details.site-menu > summary")).to_be_hidden()
    expect(nav.get_by_role("link", name="Accueil")).to_be_visible()
    structure = nav.locator("details.nav-group > summary", has_text="Structure")
    structure.click()
    expect(nav.get_by_role("link", name="Journal des accès")).to_be_visible()
    # A click elsewhere closes it.
    page.mouse.click(600, 500)
    expect(nav.get_by_role("link", name="Journal des accès")).to_be_hidden()
    assert_accessible(page)
