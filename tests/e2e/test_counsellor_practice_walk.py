"""Issue 15, done means: a counsellor records two basic skills self vs coach at two dates and sees the progress
chart, finds a job by a name typed without accents, adds an action carried by a partner of the directory from
a toolbox suggestion for a training barrier, records a meeting held last week, and downloads the programme PDF
that shows the intake, the interview results, the plan review and the actions in the agreed order."""

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import field, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory
from tremplin.action_plan.models import Action
from tremplin.barriers import services as barrier_services
from tremplin.barriers.models import BarrierDomain
from tremplin.competences.basic_skills import load_basic_skills
from tremplin.competences.models import Competence
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance, Kind
from tremplin.partners.factories import PartnerOrganisationFactory
from tremplin.partners.models import PartnerKind
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.toolbox.factories import ToolboxEntryFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FRENCH = "Français à l'oral (comprendre, parler)"
NUMERACY = "Calcul et raisonnement"
GREEN_SPACES = "Agent·e d'entretien des espaces verts"
GRETA = "GRETA Lille Métropole"
TRAINING = "Formation CléA au GRETA"
FIRST_ACTION = "Atelier CV collectif"
MEETING = "Appel : inscription au GRETA confirmée, test de positionnement passé."
INTAKE_ANSWER = "Trois ans en maraîchage au Mali."


def _session(page, pathway, held_on: datetime.date, moment: str, coach: dict, self_: dict) -> None:
    """A session on both basic skills: the coach's grid, then the person's self-assessment in the interview."""
    page.goto(reverse("competences:pathway", args=[pathway.public_id]))
    page.get_by_role("link", name="Nouvelle séance d'évaluation").click()
    field(page, "Date de la séance").fill(held_on.isoformat())
    page.get_by_label("Moment du parcours").select_option(moment)
    page.get_by_label(FRENCH, exact=True).check()
    page.get_by_label(NUMERACY, exact=True).check()
    page.get_by_role("button", name="Créer la séance").click()
    for link, levels in (("Remplir ma grille", coach), ("Saisir l'auto-évaluation en entretien", self_)):
        page.get_by_role("link", name=link).click()
        for code, level in levels.items():
            competence = Competence.objects.get(code=code, structure__isnull=True)
            page.locator(f'label[for="level-{competence.public_id}-{level}"]').click()
        page.get_by_role("button", name="Enregistrer la grille").click()
        expect(page.get_by_text("Grille enregistrée.")).to_be_visible()


def _pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def test_a_counsellor_walks_the_practice_from_basic_skills_to_the_printed_programme(page, french_aci):
    load_basic_skills(Competence)  # a transactional test starts from an empty database
    today = timezone.localdate()
    person = PersonFactory(structure=french_aci.structure, first_name="Awa", last_name="Diallo")
    pathway = PathwayFactory(
        person=person,
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        referent=french_aci.counsellor,
        supervisor=french_aci.supervisor,
        worksite=french_aci.worksite,
    )
    InterviewFactory(
        pathway=pathway,
        kind=Kind.INTAKE,
        planned_at=timezone.now() - datetime.timedelta(days=70),
        held_on=today - datetime.timedelta(days=70),
        attendance=Attendance.PRESENT,
        answers={"experience": INTAKE_ANSWER},
        led_by=french_aci.counsellor,
    )
    ActionFactory(plan=ActionPlanFactory(pathway=pathway), title=FIRST_ACTION, section="skills", position=1)
    greta = PartnerOrganisationFactory(structure=french_aci.structure, name=GRETA, kind=PartnerKind.TRAINING)
    ToolboxEntryFactory(
        structure=french_aci.structure,
        title_fr=TRAINING,
        partner=greta,
        domains=[BarrierDomain.TRAINING],
        section="skills",
    )
    barrier_services.identify_barrier(pathway=pathway, domain=BarrierDomain.TRAINING, by=french_aci.counsellor)
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)

    # Two basic skills, self vs coach, two months apart: one progress chart per skill.
    _session(
        page,
        pathway,
        today - datetime.timedelta(days=60),
        "entry",
        {"lang_fr_oral": 1, "clea_numeracy": 2},
        {"lang_fr_oral": 2, "clea_numeracy": 1},
    )
    _session(
        page, pathway, today, "mid", {"lang_fr_oral": 3, "clea_numeracy": 3}, {"lang_fr_oral": 3, "clea_numeracy": 4}
    )
    page.get_by_role("link", name="Toutes les séances et la progression").click()
    expect(page.locator("svg.slope-chart")).to_have_count(2)
    expect(page.get_by_role("img", name=f"{FRENCH} : niveaux séance après séance")).to_be_visible()

    # A target job found by its name typed without accents.
    page.goto(reverse("professional_project:list", args=[pathway.public_id]))
    field(page, "Métier visé").press_sequentially("agent entretien espaces verts", delay=10)
    page.get_by_role("listbox", name="Métiers proposés").get_by_role("option", name=f"{GREEN_SPACES} A1203").click()
    expect(field(page, "Code métier (ROME)")).to_have_value("A1203")
    page.get_by_role("button", name="Ajouter le métier").click()
    expect(page.get_by_role("row", name=GREEN_SPACES)).to_contain_text("A1203")

    # The toolbox's suggestion for the training barrier: the action goes to the entry's partner.
    page.goto(reverse("barriers:list", args=[pathway.public_id]))
    card = page.get_by_role("article").filter(has=page.get_by_role("heading", name="Formation et qualification"))
    card.locator("details summary").click()
    expect(card).to_contain_text(f"Portée par {GRETA}")
    card.get_by_role("button", name=f"Ajouter « {TRAINING} » au plan d'action").click()
    expect(page.get_by_role("status")).to_contain_text(f"Action « {TRAINING} » ajoutée au plan")
    assert Action.objects.get(title=TRAINING).owner_partner == greta

    # On the plan: carried by the partner, moved first in the order agreed with the person, then a review.
    page.goto(reverse("action_plan:plan", args=[pathway.public_id]))
    row = page.get_by_role("row").filter(has_text=TRAINING)
    expect(row).to_contain_text(f"partenaire : {GRETA}")
    row.get_by_role("button", name=f"Monter : {TRAINING}").click()
    expect(page.get_by_role("status")).to_contain_text("Ordre des actions enregistré.")
    page.get_by_role("link", name="Faire une revue du plan").click()
    field(page, "Ce qui a changé").fill("Entrée en formation CléA décidée avec Awa.")
    page.get_by_role("button", name="Enregistrer la revue").click()

    # A phone call last week, recorded with its date.
    page.goto(reverse("interviews:list", args=[pathway.public_id]))
    page.get_by_role("link", name="Enregistrer un entretien déjà tenu").click()
    field(page, "Type d'entretien").select_option(label="entretien individuel")
    field(page, "Date de l'entretien").fill((today - datetime.timedelta(days=7)).isoformat())
    field(page, "Notes").fill(MEETING)
    field(page, "Visibilité des notes").select_option(value="whole_team")
    page.get_by_role("button", name="Enregistrer l'entretien").click()
    expect(page.get_by_text(MEETING)).to_be_visible()

    # The programme PDF holds the follow-up, actions in the agreed order.
    page.goto(reverse("action_plan:plan", args=[pathway.public_id]))
    with page.expect_download() as download:
        page.get_by_role("link", name="Programme (PDF)").click()
    text = _pdf_text(download.value.path())
    assert INTAKE_ANSWER in text
    assert MEETING in text
    assert "Entrée en formation CléA décidée avec Awa." in text
    actions = text[text.index("Actions, par rubrique, dans l'ordre convenu") :]
    assert GRETA in actions
    assert actions.index(TRAINING) < actions.index(FIRST_ACTION)
