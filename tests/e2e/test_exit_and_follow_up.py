"""End of the job-coaching story: the job coach records the exit of a person in contract as a lasting job (CDI);
the référente prints the exit assessment and finds the 1-month follow-up on her home once due, records it and the
alert goes; the director sees the exit in the structure's indicators."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, short_date, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.core.dates import add_months
from tremplin.exits.models import Exit, Outcome
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def job_coach(french_aci):
    from tremplin.accounts.factories import MembershipFactory, UserFactory
    from tremplin.accounts.roles import Role

    coach = UserFactory(email="relations.entreprises@example.org", first_name="Nadia", last_name="Roux")
    MembershipFactory(user=coach, structure=french_aci.structure, role=Role.JOB_COACH)
    return coach


@pytest.fixture
def pathway(french_aci):
    """Moussa Keita, in contract on the worksite for 8 months, Claire Martin as référente."""
    today = timezone.localdate()
    person = PersonFactory(structure=french_aci.structure, first_name="Moussa", last_name="Keita")
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
        start_date=today - datetime.timedelta(days=240),
        planned_end_date=today + datetime.timedelta(days=90),
        position="Ouvrier maraîcher",
    )
    return pathway


def test_the_job_coach_records_a_lasting_exit_and_the_1_month_follow_up_appears_in_the_caseload(
    page, french_aci, job_coach, pathway
):
    today = timezone.localdate()
    exit_on = today - datetime.timedelta(days=35)
    person_url = reverse("people:detail", args=[pathway.person.public_id])

    # Before the exit, the 1-month follow-up is nowhere on the référente's home page.
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("dashboards:home"))
    expect(page.get_by_text(re.compile("suivi à 1 mois après la sortie"))).to_have_count(0)
    page.context.clear_cookies()

    # The job coach learns of the hire and records the exit from the person page.
    sign_in(page, job_coach.email, DEFAULT_PASSWORD)
    page.goto(person_url)
    page.get_by_role("link", name="Enregistrer la sortie du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sortie de Moussa Keita")
    assert_accessible(page)

    # An exit date before the contract start is refused on its field; nothing is saved.
    field(page, "Date de sortie").fill((today - datetime.timedelta(days=300)).isoformat())
    field(page, "Situation à la sortie").select_option(label="Contrat à durée indéterminée (CDI)")
    field(page, "Motif de départ").select_option(label="Embauche en contrat durable ou de transition")
    field(page, "Employeur ou organisme de formation").fill("Paysages du Nord")
    page.get_by_role("button", name="Enregistrer la sortie").click()
    expect(page.get_by_role("alert")).to_contain_text("ne peut pas précéder le début du contrat")
    assert not Exit.objects.exists()
    assert_accessible(page)

    # 35 days ago, hired on a permanent contract: the running contract is ended early on that day.
    field(page, "Date de sortie").fill(exit_on.isoformat())
    field(page, "Poste ou intitulé de la formation").fill("Agent d'espaces verts")
    page.get_by_label("Rompre le contrat en cours à la date de sortie").check()
    page.get_by_role("button", name="Enregistrer la sortie").click()
    expect(page.get_by_role("status")).to_contain_text("Sortie enregistrée")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sortie de Moussa Keita")
    expect(page.get_by_text("Contrat à durée indéterminée (CDI)")).to_be_visible()
    assert_accessible(page)

    exit_record = Exit.objects.get(pathway=pathway)
    assert exit_record.exit_on == exit_on and exit_record.group == "lasting"
    pathway.refresh_from_db()
    assert pathway.status == Status.FOLLOW_UP
    contract = pathway.contracts.get()
    assert contract.status == ContractStatus.ENDED_EARLY and contract.ended_on == exit_on
    # The job coach does not print the social file's assessment: the référente does.
    expect(page.get_by_text("Le bilan de sortie s'imprime par l'équipe sociale")).to_be_visible()
    exit_url = page.url
    page.context.clear_cookies()
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(exit_url)

    # The exit assessment link gives a real PDF (WeasyPrint may take a while on a busy machine).
    link = page.get_by_role("link", name="Télécharger le bilan de sortie (PDF)")
    response = page.request.get(link.get_attribute("href"), timeout=60_000)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body()[:4] == b"%PDF"

    # The follow-ups are planned at 1, 3 and 6 months; the first one is due.
    due = add_months(exit_on, 1)
    rows = page.get_by_role("table", name="Contacts prévus à 1, 3 et 6 mois après la sortie").get_by_role("row")
    expect(rows).to_have_count(4)
    expect(rows.nth(1)).to_contain_text(short_date(due))

    # Home: the alert says the 1-month follow-up was due.
    page.goto(reverse("dashboards:home"))
    alert = page.get_by_role("link", name=re.compile("Moussa Keita : le suivi à 1 mois après la sortie"))
    expect(alert).to_contain_text(f"était prévu le {short_date(due)}")
    assert_accessible(page)

    # Recording it makes the alert go.
    alert.click()
    page.get_by_role("link", name=re.compile(r"Sortie le .*Contrat à durée indéterminée")).click()
    page.get_by_role("link", name="Enregistrer le suivi à 1 mois").click()
    assert_accessible(page)
    page.get_by_label("Toujours dans l'emploi ou la formation de sortie").check()
    page.get_by_role("button", name="Enregistrer le suivi").click()
    expect(page.get_by_role("status")).to_contain_text("Suivi à 1 mois enregistré")
    assert exit_record.follow_ups.get(months=1).outcome == Outcome.STILL_IN_JOB
    page.goto(reverse("dashboards:home"))
    expect(page.get_by_text(re.compile("suivi à 1 mois après la sortie"))).to_have_count(0)

    # The director sees the lasting exit in the structure's indicators.
    page.context.clear_cookies()
    sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
    page.goto(reverse("exits:indicators"))
    table = page.get_by_role("table", name="Sorties par type, en part des sorties comptabilisées")
    expect(table.get_by_role("row", name=re.compile("Emploi durable"))).to_contain_text("1")
    assert_accessible(page)
