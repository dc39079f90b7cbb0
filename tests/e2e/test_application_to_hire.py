"""A job coach records a person's application from an offer the structure sent, moves it applied → interview
(with an interview simulation added to the action plan) → hired, sees it on the structure's pipeline, and
downloads the person's one-page CV."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, nav_link, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory
from tremplin.accounts.roles import Role
from tremplin.action_plan.models import Action
from tremplin.applications.models import Application, ApplicationStatus
from tremplin.contracts.factories import ContractFactory
from tremplin.employers.factories import CompanyFactory
from tremplin.job_offers.factories import JobOfferFactory
from tremplin.matching.factories import SentOfferFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.portfolio.factories import ExperienceFactory
from tremplin.portfolio.models import ExperienceKind

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coach(french_aci):
    user = UserFactory(email="nadia.coach@example.org", first_name="Nadia", last_name="Roussel")
    MembershipFactory(user=user, structure=french_aci.structure, role=Role.JOB_COACH)
    return user


@pytest.fixture
def sent_offer(french_aci, coach):
    """Yacine Morel, in contract for three months, to whom the job coach sent a warehouse offer."""
    person = PersonFactory(structure=french_aci.structure, first_name="Yacine", last_name="Morel", city="Roubaix")
    pathway = PathwayFactory(
        person=person,
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        referent=french_aci.counsellor,
        worksite=french_aci.worksite,
    )
    ContractFactory(
        pathway=pathway,
        worksite=french_aci.worksite,
        position="Ouvrier maraîcher",
        start_date=timezone.localdate() - datetime.timedelta(days=90),
    )
    ExperienceFactory(person=person, kind=ExperienceKind.INFORMAL, title="Réparation de vélos", organisation="")
    company = CompanyFactory(structure=french_aci.structure, name="Logistique des Flandres")
    offer = JobOfferFactory(
        structure=french_aci.structure, company=company, title="Préparateur de commandes", job_code="N1103"
    )
    return SentOfferFactory(pathway=pathway, offer=offer, sent_by=coach)


def test_a_job_coach_records_the_application_until_hired_and_downloads_the_cv(page, french_aci, coach, sent_offer):
    pathway = sent_offer.pathway
    person = pathway.person
    sign_in(page, coach.email, DEFAULT_PASSWORD)

    page.goto(reverse("people:detail", args=[person.public_id]))
    page.get_by_role("link", name="Candidatures du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", name="Candidatures de Yacine Morel")).to_be_visible()
    assert_accessible(page)

    # From the offer the structure sent: employer and job are already there.
    page.get_by_role(
        "link", name="Enregistrer la candidature : Préparateur de commandes chez Logistique des Flandres"
    ).click()
    expect(field(page, "Poste")).to_have_value("Préparateur de commandes")
    expect(field(page, "Employeur")).to_have_value("Logistique des Flandres")
    field(page, "Étape").select_option(label="envoyée")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer la candidature").click()
    expect(page.locator("#application-status")).to_have_text("envoyée")

    # Invited to an interview: the step, then a simulation in the action plan.
    field(page, "Nouvelle étape").select_option(label="entretien d'embauche")
    field(page, "Prochaine étape").fill("Entretien avec la responsable d'entrepôt")
    page.get_by_role("button", name="Enregistrer l'étape").click()
    expect(page.locator("#application-status")).to_have_text("entretien d'embauche")
    page.get_by_label("une simulation d'entretien").check()
    page.get_by_role("button", name="Ajouter au plan d'action").click()
    expect(page.get_by_text("Ajouté au plan d'action")).to_be_visible()
    assert_accessible(page)

    # Hired.
    field(page, "Nouvelle étape").select_option(label="embauche")
    field(page, "Retour de l'employeur").fill("CDI à temps plein, début le mois prochain.")
    page.get_by_role("button", name="Enregistrer l'étape").click()
    expect(page.locator("#application-status")).to_have_text("embauche")
    expect(page.get_by_text("Candidature close")).to_be_visible()

    application = Application.objects.get()
    assert application.status == ApplicationStatus.HIRED
    assert application.sent_offer == sent_offer
    assert list(application.steps.values_list("to_status", flat=True)) == ["applied", "interview", "hired"]
    assert Action.objects.filter(plan__pathway=pathway, section="job_search").count() == 1

    # The structure's pipeline shows it among the hires.
    nav_link(page, "Candidatures", "Emploi").click()
    hired_column = page.locator("section.pipeline-column", has=page.get_by_role("heading", name="Embauche"))
    expect(hired_column.get_by_role("link", name="Yacine Morel")).to_be_visible()
    assert_accessible(page)

    # The CV: preview, then the PDF.
    page.goto(reverse("cv:preview", args=[person.public_id]))
    expect(page.get_by_text("Réparation de vélos")).to_be_visible()
    expect(page.get_by_text("Ouvrier maraîcher")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le CV (PDF)").click()
    with open(download_info.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
