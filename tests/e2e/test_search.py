"""The header's search box: typed without accents, chosen with the arrow keys, opened with Enter."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(french_aci):
    def add(first_name, last_name, status=Status.IN_CONTRACT):
        return PathwayFactory(
            person=PersonFactory(structure=french_aci.structure, first_name=first_name, last_name=last_name),
            programme=french_aci.programme,
            referent=french_aci.counsellor,
            status=status,
        ).person

    return {"garcia": add("Inès", "Garcia"), "lefevre": add("Inès", "Lefèvre", Status.CANDIDATE)}


def box(page):
    return page.get_by_role("combobox", name="Chercher une personne, un partenaire, une entreprise ou une offre")


def open_box(page):
    """Focuses the header's box; on a phone the design system's "Menu" disclosure holds it, opened first."""
    search = box(page)
    if not search.is_visible():
        page.locator("summary.site-menu-toggle").click()
    search.click()
    return search


def test_typing_ines_and_choosing_with_the_arrow_keys_opens_the_person(page, french_aci, people):
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    search = open_box(page)
    expect(search).to_have_attribute("aria-expanded", "false")
    page.keyboard.type("ines")

    listbox = page.get_by_role("listbox", name="Résultats de la recherche")
    expect(listbox).to_be_visible()
    expect(search).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text("Inès Garcia")
    expect(options.nth(1)).to_contain_text("Inès Lefèvre")
    expect(page.locator("#search-status")).to_contain_text("2 résultats")
    assert_accessible(page)

    # Down twice: the second person becomes the active option, focus stays in the box.
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")
    second = options.nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(options.first).to_have_attribute("aria-selected", "false")
    expect(search).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    expect(search).to_be_focused()
    # Up wraps back to the first, Down returns to the second.
    page.keyboard.press("ArrowUp")
    expect(options.first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(reverse("people:detail", args=[people["lefevre"].public_id]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inès Lefèvre")


def test_escape_closes_the_list_and_enter_without_a_choice_opens_the_results_page(page, french_aci, people):
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    search = open_box(page)
    page.keyboard.type("LEFEVRE")
    listbox = page.get_by_role("listbox", name="Résultats de la recherche")
    expect(listbox.get_by_role("option").first).to_contain_text("Inès Lefèvre")

    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(search).to_have_attribute("aria-expanded", "false")
    expect(search).to_have_value("LEFEVRE")

    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Recherche")
    expect(page.get_by_role("main").get_by_role("link", name="Inès Lefèvre")).to_be_visible()
    assert_accessible(page)


def test_one_letter_asks_for_nothing_and_shows_no_list(page, french_aci, people):
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    search = open_box(page)
    page.keyboard.type("i")
    page.wait_for_timeout(600)  # longer than the debounce
    expect(page.get_by_role("listbox", name="Résultats de la recherche")).to_be_hidden()
    expect(search).to_have_attribute("aria-expanded", "false")


def test_the_search_works_on_a_phone_without_sideways_scrolling(phone_page, french_aci, people):
    page = phone_page
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    # Measured on the results page: the home's own tables are the design system's work (issue 14).
    page.goto(reverse("search:results"))
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 390
    open_box(page)
    page.keyboard.type("ines")
    listbox = page.get_by_role("listbox", name="Résultats de la recherche")
    expect(listbox.get_by_role("option").first).to_contain_text("Inès Garcia")
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 390
    assert_accessible(page)

    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(reverse("people:detail", args=[people["garcia"].public_id]) + "$"))

    page.goto(reverse("search:results") + "?q=ines")
    expect(page.get_by_role("main").get_by_role("link", name="Inès Garcia")).to_be_visible()
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 390
    assert_accessible(page)
