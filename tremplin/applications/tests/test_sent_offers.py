"""Applications that answer an offer the structure sent (matching.SentOffer) and employers of the network."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tremplin.applications import services
from tremplin.applications.models import Application, ApplicationStatus, Channel
from tremplin.employers.factories import CompanyFactory
from tremplin.employers.services import history
from tremplin.matching.factories import SentOfferFactory
from tremplin.timeline.models import EventKind, TimelineEvent

pytestmark = pytest.mark.django_db


def test_the_list_offers_to_record_the_application_of_a_sent_offer(client, pathway, coach):
    sent = SentOfferFactory(pathway=pathway, offer__title="Préparateur de commandes")
    client.force_login(coach)

    page = client.get(reverse("applications:list", args=[pathway.public_id])).content.decode()

    assert f"?offre={sent.public_id}" in page
    assert "Enregistrer la candidature : Préparateur de commandes" in page


def test_recording_from_a_sent_offer_links_the_offer_and_its_employer(client, pathway, coach):
    sent = SentOfferFactory(pathway=pathway, offer__title="Cariste", offer__job_code="N1101")
    client.force_login(coach)
    url = reverse("applications:create", args=[pathway.public_id])

    form = client.get(f"{url}?offre={sent.public_id}").context["form"]
    response = client.post(
        url,
        {
            "sent_offer": str(sent.public_id),
            "company": form.initial["company"],
            "employer_name": "",
            "job_title": form.initial["job_title"],
            "job_code": form.initial["job_code"],
            "channel": form.initial["channel"],
            "status": "applied",
            "status_on": timezone.localdate().isoformat(),
        },
    )

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.sent_offer == sent
    assert application.offer == sent.offer
    assert application.company == sent.offer.company
    assert application.employer_name == sent.offer.company.name
    assert application.channel == Channel.SENT_OFFER
    assert history(sent.offer.company)["applications"] == 1


def test_another_pathways_sent_offer_is_ignored(client, pathway, coach):
    other = SentOfferFactory(pathway__person__structure=pathway.structure)
    client.force_login(coach)

    form = client.get(reverse("applications:create", args=[pathway.public_id]) + f"?offre={other.public_id}").context[
        "form"
    ]

    assert "company" not in form.initial


def test_a_company_of_another_structure_is_refused(pathway, coach):
    with pytest.raises(ValidationError) as error:
        services.record_application(
            pathway=pathway, by=coach, employer_name="", job_title="Cariste", company=CompanyFactory()
        )

    assert "company" in error.value.message_dict
    assert not Application.objects.exists()


def test_hires_count_in_the_employers_history(pathway, coach):
    company = CompanyFactory(structure=pathway.structure)
    application = services.record_application(
        pathway=pathway, by=coach, employer_name="", job_title="Cariste", company=company, status="applied"
    )
    services.move(application, to_status=ApplicationStatus.HIRED, on=timezone.localdate(), by=coach)

    assert history(company)["hires"] == 1


def test_the_offer_sent_event_keeps_its_own_sentence(pathway, coach):
    SentOfferFactory(pathway=pathway)
    services.record_application(pathway=pathway, by=coach, employer_name="X", job_title="Y", status="applied")

    sentences = [e.describe() for e in TimelineEvent.objects.filter(pathway=pathway, kind=EventKind.APPLICATION)]

    assert any(sentence.startswith("Offre d'emploi envoyée") for sentence in sentences)
    assert any(sentence.startswith("Candidature enregistrée") for sentence in sentences)
