"""A counsellor walks a person's programme: welcome checklist, diagnosis of barriers, action plan from a
toolbox suggestion, an interview, and the printable programme. A technical supervisor of the person's
team never sees a note kept for the social staff."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, short_date, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.action_plan.models import Action
from tremplin.barriers.models import Barrier
from tremplin.contracts.factories import ContractFactory
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance, Interview
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.welcome.models import WelcomeStep

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SECRET = "SECRET-SOCIAL-Dettes-et-suivi-psychologique"
TEAM_NOTE = "Atelier CV collectif : très impliquée"


@pytest.fixture
def pathway(french_aci):
    """Amina Diallo, in contract on the worksite for 10 days, Claire Martin as référente, Karim Benali as supervisor."""
    # Transactional tests flush the data migration's built-in toolbox: load it again.
    call_command("load_toolbox", verbosity=0)
    person = PersonFactory(structure=french_aci.structure, first_name="Amina", last_name="Diallo")
    pathway = PathwayFactory(
        person=person,
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        referent=french_aci.counsellor,
        supervisor=french_aci.supervisor,
        worksite=french_aci.worksite,
    )
    ContractFactory(
        pathway=pathway,
        worksite=french_aci.worksite,
        start_date=timezone.localdate() - datetime.timedelta(days=10),
    )
    return pathway


def test_a_counsellor_walks_through_welcome_diagnosis_plan_interview_and_programme_pdf(page, french_aci, pathway):
    today = timezone.localdate()
    person = pathway.person
    person_url = reverse("people:detail", args=[person.public_id])
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)

    # Welcome checklist: opened from the person page, then one step ticked.
    page.goto(person_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Amina Diallo")
    assert_accessible(page)
    page.get_by_role("link", name="Voir la liste d'accueil du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accueil d'Amina Diallo")
    assert_accessible(page)
    page.get_by_role("button", name="Ouvrir la liste d'accueil").click()
    expect(page.get_by_role("status")).to_contain_text("La liste d'accueil est ouverte.")
    assert WelcomeStep.objects.filter(pathway=pathway).exists()
    total = WelcomeStep.objects.filter(pathway=pathway).count()
    expect(page.get_by_text(re.compile(rf"0 étapes faites sur {total}"))).to_be_visible()
    assert_accessible(page)
    row = page.get_by_role("row").filter(has_text="Visite du site et des locaux")
    row.get_by_label("Commentaire").fill("Vestiaires et salle de pause montrés.")
    row.get_by_role("button", name=re.compile(r"^Noter comme fait")).click()
    expect(page.get_by_role("status")).to_contain_text("Étape « Visite du site et des locaux » notée comme faite.")
    row = page.get_by_role("row").filter(has_text="Visite du site et des locaux")
    expect(row).to_contain_text(f"Fait le {short_date(today)}")
    expect(page.get_by_text(re.compile(rf"1 étapes faites sur {total}"))).to_be_visible()
    assert_accessible(page)
    step = WelcomeStep.objects.get(pathway=pathway, title="Visite du site et des locaux")
    assert step.done_on == today and step.done_by == french_aci.counsellor
    assert step.comment == "Vestiaires et salle de pause montrés."

    # Diagnosis: a mobility barrier, with the toolbox's suggestions.
    page.goto(person_url)
    page.get_by_role("link", name="Diagnostic des freins du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Diagnostic des freins : Amina Diallo")
    expect(page.get_by_text("Aucun frein n'est enregistré pour ce parcours.")).to_be_visible()
    assert_accessible(page)
    field(page, "Domaine").select_option(label="Mobilité")
    field(page, "Description").fill("Pas de permis, pas de bus le matin vers le chantier")
    page.get_by_role("button", name="Ajouter le frein au diagnostic").click()
    barrier_card = page.get_by_role("article").filter(has=page.get_by_role("heading", name=re.compile(r"^Mobilité")))
    expect(barrier_card).to_contain_text("Pas de permis, pas de bus le matin vers le chantier")
    barrier = Barrier.objects.get(pathway=pathway)
    assert barrier.domain == "mobility"
    suggestions = barrier_card.locator("details")
    suggestions.locator("summary").click()
    expect(suggestions).to_contain_text("Étudier les solutions de transport")
    expect(suggestions).to_contain_text("Financer le permis de conduire")
    assert_accessible(page)

    # Plan: one click turns a suggestion into an action, seen on the plan page.
    assert not Action.objects.exists()
    suggestions.get_by_role("button", name="Ajouter « Financer le permis de conduire » au plan d'action").click()
    expect(page.get_by_role("status")).to_contain_text("Action « Financer le permis de conduire » ajoutée au plan")
    action = Action.objects.get()
    assert action.title == "Financer le permis de conduire"
    assert action.plan.pathway == pathway
    page.goto(person_url)
    page.get_by_role("link", name="Voir le plan d'action du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan d'action : Amina Diallo")
    expect(page.get_by_role("link", name=re.compile(r"^Financer le permis de conduire"))).to_be_visible()
    assert_accessible(page)

    # Interview: planned, then recorded as held with a note.
    page.goto(person_url)
    page.get_by_role("link", name="Voir les entretiens du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Entretiens d'Amina Diallo")
    assert_accessible(page)
    page.get_by_role("link", name="Prévoir un entretien").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prévoir un entretien avec Amina Diallo")
    assert_accessible(page)
    planned_at = timezone.localtime() + datetime.timedelta(hours=1)
    field(page, "Type d'entretien").select_option(label="entretien individuel")
    field(page, "Date et heure prévues").fill(planned_at.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Prévoir l'entretien").click()
    expect(page.get_by_role("status")).to_contain_text("Entretien prévu.")
    interview = Interview.objects.get(pathway=pathway)
    assert interview.held_on is None and interview.led_by == french_aci.counsellor
    page.get_by_role("link", name=f"Enregistrer l'entretien du {short_date(planned_at.date())}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compte rendu d'entretien avec Amina Diallo")
    assert_accessible(page)
    field(page, "Date de l'entretien").fill(today.isoformat())
    page.get_by_label("présente", exact=True).check()
    field(page, "Notes").fill("Point sur le permis : dossier de financement à monter.")
    field(page, "Visibilité des notes").select_option(value=Visibility.SOCIAL_STAFF_ONLY)
    page.get_by_role("button", name="Enregistrer l'entretien comme tenu").click()
    expect(page.get_by_role("status")).to_contain_text("Entretien enregistré comme tenu.")
    row = page.get_by_role("row").filter(has_text="Point sur le permis")
    expect(row).to_contain_text(short_date(today))
    expect(row).to_contain_text("présente")
    assert_accessible(page)
    interview.refresh_from_db()
    assert interview.held_on == today
    assert interview.attendance == Attendance.PRESENT
    assert interview.notes == "Point sur le permis : dossier de financement à monter."
    assert interview.visibility == Visibility.SOCIAL_STAFF_ONLY

    # The printable programme: a real PDF download.
    page.goto(person_url)
    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="Programme individuel d'insertion du parcours Chantier d'insertion ACI (PDF)"
        ).click()
    download = download_info.value
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"


def interview_rows(page):
    """Rows of the timeline table that are interviews."""
    return (
        page.get_by_role("table").get_by_role("row").filter(has=page.get_by_role("cell", name="Entretiens", exact=True))
    )


def test_a_supervisor_of_the_team_never_sees_a_social_staff_note_in_the_browser(
    browser, live_server, page, french_aci, pathway
):
    secret = InterviewFactory(
        pathway=pathway,
        planned_at=timezone.now() - datetime.timedelta(days=3),
        held_on=timezone.localdate() - datetime.timedelta(days=3),
        attendance=Attendance.PRESENT,
        notes=SECRET,
        visibility=Visibility.SOCIAL_STAFF_ONLY,
    )
    InterviewFactory(
        pathway=pathway,
        planned_at=timezone.now() - datetime.timedelta(days=5),
        held_on=timezone.localdate() - datetime.timedelta(days=5),
        attendance=Attendance.PRESENT,
        notes=TEAM_NOTE,
        visibility=Visibility.WHOLE_TEAM,
    )
    person_url = reverse("people:detail", args=[pathway.person.public_id])
    interviews_url = reverse("interviews:list", args=[pathway.public_id])
    timeline_url = reverse("timeline:pathway", args=[pathway.public_id])

    # The counsellor reads the note and both interviews: the pages below do hold it for the social staff.
    context = browser.new_context(locale="fr-FR", base_url=live_server.url)
    counsellor_page = context.new_page()
    sign_in(counsellor_page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    counsellor_page.goto(interviews_url)
    expect(counsellor_page.get_by_text(SECRET)).to_be_visible()
    counsellor_page.goto(timeline_url)
    expect(interview_rows(counsellor_page)).to_have_count(2)
    context.close()

    sign_in(page, french_aci.supervisor.email, DEFAULT_PASSWORD)

    page.goto(person_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Amina Diallo")
    assert SECRET not in page.content()
    assert str(secret.public_id) not in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Voir les entretiens du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Entretiens d'Amina Diallo")
    expect(page.get_by_text(TEAM_NOTE)).to_be_visible()
    assert SECRET not in page.content()
    assert str(secret.public_id) not in page.content()
    assert_accessible(page)

    page.goto(person_url)
    page.get_by_role("link", name="Chronologie du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Chronologie d'Amina Diallo — parcours Chantier d'insertion ACI"
    )
    expect(interview_rows(page)).to_have_count(1)
    assert SECRET not in page.content()
    assert_accessible(page)

    # Nor by typing the addresses of the social staff interview.
    for view in ("interviews:record", "interviews:edit"):
        response = page.goto(reverse(view, args=[secret.public_id]))
        assert response.status == 404
        assert SECRET not in page.content()
