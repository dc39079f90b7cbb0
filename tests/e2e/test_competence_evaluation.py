"""A supervisor and a person fill the same competence grid independently: the supervisor on a computer,
the person on a phone through a single-use link. Neither sees the other's levels before both grids are
in; then the side-by-side view shows the gaps and the radar appears."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, decode_qr, field, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.competences.catalogue import load_soft_skills
from tremplin.competences.models import Competence, EvaluationSession
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COACH = {"punctuality": 4, "teamwork": 2, "safety": 3}
SELF = {"punctuality": 4, "teamwork": 5, "safety": 3}  # teamwork: a gap of 3, to talk about


def test_supervisor_and_person_fill_the_same_grid_then_compare(page, phone_page, french_aci):
    load_soft_skills(Competence)
    skills = {c.code: c for c in Competence.objects.filter(kind="soft", code__in=COACH)}
    person = PersonFactory(structure=french_aci.structure, first_name="Nadia", last_name="Ferhat")
    pathway = PathwayFactory(
        person=person,
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        supervisor=french_aci.supervisor,
        referent=french_aci.counsellor,
        worksite=french_aci.worksite,
    )

    # The supervisor opens a session on three soft skills.
    sign_in(page, french_aci.supervisor.email, DEFAULT_PASSWORD)
    page.goto(reverse("competences:pathway", args=[pathway.public_id]))
    page.get_by_role("link", name="Nouvelle séance d'évaluation").click()
    field(page, "Date de la séance").fill(datetime.date.today().isoformat())
    page.get_by_label("Moment du parcours").select_option("entry")
    for skill in skills.values():
        page.get_by_label(skill.name, exact=True).check()
    page.get_by_role("button", name="Créer la séance").click()
    session = EvaluationSession.objects.get(pathway=pathway)

    # Their grid.
    page.get_by_role("link", name="Remplir ma grille").click()
    for code, level in COACH.items():
        page.locator(f'input[name="level-{skills[code].public_id}"][value="{level}"]').check()
    page.get_by_role("button", name="Enregistrer la grille").click()
    expect(page.get_by_text("Grille enregistrée.")).to_be_visible()
    expect(page.locator("#levels-hidden")).to_be_visible()
    expect(page.locator("table.side-by-side")).to_have_count(0)

    # The single-use link for the person, shown as a QR code.
    page.get_by_role("link", name="Lien d'auto-évaluation pour la personne").click()
    page.get_by_role("button", name="Créer un lien").click()
    expect(page.locator(".qr-code svg")).to_be_visible()
    url = page.get_by_label("Lien", exact=True).input_value()
    assert decode_qr(page.locator(".qr-code svg")) == url

    # On the phone: only the person's own grid, none of the supervisor's levels.
    phone = phone_page
    phone.goto(url)
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Bonjour Nadia")
    expect(phone.locator("input[type=radio]:checked")).to_have_count(0)
    expect(phone.get_by_text("Karim")).to_have_count(0)
    assert_accessible(phone)
    for code, level in SELF.items():
        phone.locator(f'label[for="level-{skills[code].public_id}-{level}"]').click()
    phone.get_by_role("button", name="Enregistrer la grille").click()
    expect(phone.get_by_role("heading", name="Merci, votre grille est enregistrée")).to_be_visible()
    phone.goto(url)
    expect(phone.get_by_role("heading", name="Ce lien n'est plus valable")).to_be_visible()

    # Both grids are in: side by side, the gap stands out, the radar is drawn.
    page.goto(reverse("competences:session", args=[session.public_id]))
    table = page.locator("table.side-by-side")
    expect(table).to_be_visible()
    notable = table.locator("tr.gap-notable")
    expect(notable).to_have_count(1)
    expect(notable).to_contain_text(skills["teamwork"].name)
    expect(notable).to_contain_text("à discuter")
    radar = page.locator("svg.radar-chart")
    expect(radar).to_be_visible()
    expect(radar.locator("polygon.radar-self")).to_have_count(1)
    expect(radar.locator("polygon.radar-coach")).to_have_count(1)
    assert_accessible(page)
