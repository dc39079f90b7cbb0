"""A team meeting reviews three people: a counsellor plans it, picks the three people, records one decision
for each (one of them creates an action of the person's plan), prints the minutes, and the decisions appear
on the three people's timelines."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.action_plan.models import Action
from tremplin.contracts.factories import ContractFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.review_meetings.models import ReviewDecision, ReviewMeeting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PEOPLE = [("Amina", "Diallo"), ("Bruno", "Lefort"), ("Chloé", "Martin")]
DECISIONS = {
    "Amina Diallo": "Prolonger le contrat de quatre mois pour finir le CACES",
    "Bruno Lefort": "Préparer la sortie : deux candidatures en espaces verts",
    "Chloé Martin": "Point logement avec le partenaire au prochain entretien",
}


@pytest.fixture
def pathways(french_aci):
    """Three people in contract on the worksite, followed by the counsellor."""
    today = timezone.localdate()
    result = []
    for first_name, last_name in PEOPLE:
        pathway = PathwayFactory(
            person=PersonFactory(structure=french_aci.structure, first_name=first_name, last_name=last_name),
            programme=french_aci.programme,
            status=Status.IN_CONTRACT,
            referent=french_aci.counsellor,
            supervisor=french_aci.supervisor,
            worksite=french_aci.worksite,
        )
        ContractFactory(
            pathway=pathway,
            worksite=french_aci.worksite,
            start_date=today - datetime.timedelta(days=200),
            planned_end_date=today + datetime.timedelta(days=45),
        )
        result.append(pathway)
    return result


def test_a_team_meeting_reviews_three_people_and_its_decisions_reach_their_timelines(page, french_aci, pathways):
    today = timezone.localdate()
    due = today + datetime.timedelta(days=21)
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)

    # Plan the meeting from the list, with the supervisor taking part.
    page.goto(reverse("review_meetings:list"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Réunions d'équipe")
    assert_accessible(page)
    page.get_by_role("link", name="Planifier une réunion").click()
    field(page, "Type de réunion").select_option(label="Réunion de synthèse")
    field(page, "Date").fill(today.isoformat())
    field(page, "Heure de début").fill("14:00")
    field(page, "Lieu").fill("Salle du conseil")
    page.get_by_label("Karim Benali").check()
    assert_accessible(page)
    page.get_by_role("button", name="Planifier la réunion").click()
    expect(page.get_by_role("status")).to_contain_text("Réunion planifiée")
    meeting = ReviewMeeting.objects.get()
    assert set(meeting.participants.all()) == {french_aci.counsellor, french_aci.supervisor}

    # Pick the people: the contracts ending within 3 months are proposed, all three ticked.
    page.get_by_label("les personnes dont le contrat se termine dans les prochains mois").check()
    field(page, "Nombre de mois").fill("3")
    page.get_by_role("button", name="Proposer des personnes").click()
    for first_name, last_name in PEOPLE:
        expect(page.get_by_label(f"{first_name} {last_name}", exact=False)).to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Ajouter à l'ordre du jour").click()
    expect(page.get_by_role("status")).to_contain_text("3 personnes ajoutées")
    expect(page.get_by_role("heading", level=2, name="Ordre du jour : 3 personnes")).to_be_visible()
    assert_accessible(page)

    # One decision each; the first one creates an action of the plan.
    for index, (name, text) in enumerate(DECISIONS.items()):
        page.get_by_role("link", name=f"Enregistrer une décision pour {name}").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Décision pour {name}")
        field(page, "Décision").fill(text)
        if index == 0:
            page.get_by_label("Créer une action dans le plan de la personne").check()
            field(page, "Rubrique de l'action").select_option(label="Compétences")
            field(page, "Action").fill("Inscription à la formation CACES")
            field(page, "Porteur de l'action").select_option(label="Claire Martin")
            field(page, "Échéance de l'action").fill(due.isoformat())
            assert_accessible(page)
        page.get_by_role("button", name="Enregistrer la décision").click()
        expect(page.get_by_role("status")).to_contain_text(f"Décision enregistrée pour {name}")
        expect(page.get_by_text(text)).to_be_visible()
    expect(page.get_by_text("Action créée : « Inscription à la formation CACES »")).to_be_visible()
    assert_accessible(page)
    assert ReviewDecision.objects.count() == 3
    action = Action.objects.get(title="Inscription à la formation CACES")
    assert (action.plan.pathway, action.owner_user, action.due_date) == (pathways[0], french_aci.counsellor, due)

    # The minutes: a real PDF.
    href = page.get_by_role("link", name="Imprimer le compte rendu (PDF)").get_attribute("href")
    response = page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:4] == b"%PDF"

    # Each timeline holds its decision (the sentence, never the decision's text).
    for pathway in pathways:
        page.goto(reverse("timeline:pathway", args=[pathway.public_id]))
        row = page.get_by_role("row").filter(has_text="Décision de la réunion (Réunion de synthèse)")
        expect(row).to_have_count(1)
        for text in DECISIONS.values():
            expect(page.get_by_text(text)).to_have_count(0)
    expect(page.get_by_role("row").filter(has_text="avec une action ajoutée au plan")).to_have_count(
        0
    )  # the last timeline is Chloé's: no action
    page.goto(reverse("timeline:pathway", args=[pathways[0].public_id]))
    expect(page.get_by_role("row").filter(has_text="avec une action ajoutée au plan")).to_have_count(1)
    assert_accessible(page)
