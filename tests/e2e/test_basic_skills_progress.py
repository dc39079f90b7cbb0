"""A counsellor, on a phone, records two basic skills (French spoken, numeracy), self vs coach, at two dates
and sees the progress as one small slope chart per skill, with the levels in a table too (issue 15)."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.competences.basic_skills import load_basic_skills
from tremplin.competences.models import Competence
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FRENCH = "Français à l'oral (comprendre, parler)"
NUMERACY = "Calcul et raisonnement"


def _grid(page, link: str, levels: dict[str, int]) -> None:
    page.get_by_role("link", name=link).click()
    for code, level in levels.items():
        competence = Competence.objects.get(code=code, structure__isnull=True)
        page.locator(f'label[for="level-{competence.public_id}-{level}"]').click()
    page.get_by_role("button", name="Enregistrer la grille").click()
    expect(page.get_by_text("Grille enregistrée.")).to_be_visible()


def _fits(page) -> None:
    # On a phone the browser widens its viewport to the widest content: compare with the screen's 390 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"


def test_a_counsellor_records_two_basic_skills_at_two_dates_and_sees_the_progress_chart(phone_page, french_aci):
    load_basic_skills(Competence)
    person = PersonFactory(structure=french_aci.structure, first_name="Awa", last_name="Diallo")
    pathway = PathwayFactory(
        person=person,
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        supervisor=french_aci.supervisor,
        referent=french_aci.counsellor,
        worksite=french_aci.worksite,
    )
    page = phone_page
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    today = datetime.date.today()

    # Entry session: both basic skills chosen in the session form, under their headings.
    page.goto(reverse("competences:pathway", args=[pathway.public_id]))
    page.get_by_role("link", name="Nouvelle séance d'évaluation").click()
    expect(page.get_by_role("group", name="Compétences de base (socle CléA)")).to_be_visible()
    field(page, "Date de la séance").fill((today - datetime.timedelta(days=60)).isoformat())
    page.get_by_label("Moment du parcours").select_option("entry")
    page.get_by_label(FRENCH, exact=True).check()
    page.get_by_label(NUMERACY, exact=True).check()
    _fits(page)
    assert_accessible(page)
    page.get_by_role("button", name="Créer la séance").click()
    _grid(page, "Remplir ma grille", {"lang_fr_oral": 1, "clea_numeracy": 2})
    _grid(page, "Saisir l'auto-évaluation en entretien", {"lang_fr_oral": 2, "clea_numeracy": 1})
    expect(page.locator("svg.bar-chart")).to_be_visible()

    # Two months later: French only at first, numeracy added to the session from the catalogue.
    page.goto(reverse("competences:pathway", args=[pathway.public_id]))
    page.get_by_role("link", name="Nouvelle séance d'évaluation").click()
    field(page, "Date de la séance").fill(today.isoformat())
    page.get_by_label("Moment du parcours").select_option("mid")
    page.get_by_label(FRENCH, exact=True).check()
    page.get_by_role("button", name="Créer la séance").click()
    page.get_by_label("Compétence à ajouter").select_option(label=NUMERACY)
    page.get_by_role("button", name="Ajouter à la séance").click()
    expect(page.get_by_text("Calcul et raisonnement ajoutée à la séance")).to_be_visible()
    _fits(page)
    assert_accessible(page)
    _grid(page, "Remplir ma grille", {"lang_fr_oral": 3, "clea_numeracy": 3})
    _grid(page, "Saisir l'auto-évaluation en entretien", {"lang_fr_oral": 3, "clea_numeracy": 4})

    # The progress: one slope chart per skill, self and coach, fitting the phone's width.
    page.get_by_role("link", name="Toutes les séances et la progression").click()
    charts = page.locator("svg.slope-chart")
    expect(charts).to_have_count(2)
    french = page.get_by_role("img", name=f"{FRENCH} : niveaux séance après séance")
    expect(french).to_be_visible()
    assert len(french.locator("polyline.slope-self").get_attribute("points").split()) == 2
    assert len(french.locator("polyline.slope-coach").get_attribute("points").split()) == 2
    box = french.bounding_box()
    assert box["width"] <= 390 and box["x"] >= 0
    expect(page.locator("table.progression")).to_contain_text("3/5 (3)")
    _fits(page)
    assert_accessible(page)
