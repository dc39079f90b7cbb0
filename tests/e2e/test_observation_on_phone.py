"""A supervisor records a worksite observation from a phone; the counsellor reads and acknowledges it;
the supervisor sees that it was read."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, sign_in, sign_out
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.observations.models import Observation
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class Taps:
    """Counts the taps the supervisor makes, from their home page to the saved observation."""

    def __init__(self) -> None:
        self.count = 0

    def tap(self, locator) -> None:
        self.count += 1
        locator.click()


def test_an_observation_travels_from_the_worksite_to_the_counsellor_and_back(phone_page, french_aci):
    page = phone_page
    person = PersonFactory(structure=french_aci.structure, first_name="Nadia", last_name="Ferhat")
    PathwayFactory(
        person=person,
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        referent=french_aci.counsellor,
        supervisor=french_aci.supervisor,
        worksite=french_aci.worksite,
    )

    sign_in(page, french_aci.supervisor.email, DEFAULT_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon équipe")
    assert_accessible(page)

    taps = Taps()
    taps.tap(page.get_by_role("link", name="Observer Nadia Ferhat"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Observation sur Nadia Ferhat")
    assert_accessible(page)
    taps.tap(page.get_by_role("link", name="Inquiétude sur le bien-être"))
    expect(field(page, "Catégorie")).to_have_value("well_being")
    assert_accessible(page)
    field(page, "Observation").fill("Semble très fatiguée depuis lundi, s'est assise plusieurs fois.")
    taps.tap(page.get_by_label("À signaler à l'équipe sociale"))
    taps.tap(page.get_by_role("button", name="Enregistrer"))
    expect(page.get_by_text("Observation enregistrée.")).to_be_visible()
    assert taps.count <= 4, f"{taps.count} taps from the home page to a saved observation"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_text("Pas encore vue")).to_be_visible()
    assert_accessible(page)
    observation = Observation.objects.get()
    assert observation.needs_social_follow_up and observation.author == french_aci.supervisor
    sign_out(page)

    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("observations:inbox"))
    expect(page.get_by_text("Semble très fatiguée depuis lundi")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Marquer comme vue l'observation sur Nadia Ferhat").click()
    expect(page.get_by_text("Observation marquée comme vue.")).to_be_visible()
    expect(page.get_by_text("Vue par Claire Martin")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, french_aci.supervisor.email, DEFAULT_PASSWORD)
    page.locator("#main").get_by_role("link", name="Mes observations").click()
    expect(page.get_by_text("Vue par Claire Martin")).to_be_visible()
    assert_accessible(page)
