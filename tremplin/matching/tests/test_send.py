import datetime

import pytest
from django.urls import reverse

from tremplin.employers.factories import CompanyFactory
from tremplin.job_offers.factories import JobOfferFactory
from tremplin.job_offers.models import OfferStatus
from tremplin.matching import services
from tremplin.matching.models import SentOffer
from tremplin.matching.timeline import describe_application, describe_offer_sent
from tremplin.pathways.factories import PathwayFactory
from tremplin.timeline.models import EventKind, TimelineEvent

pytestmark = pytest.mark.django_db


def url(pathway, offer) -> str:
    return reverse("matching:send", args=[pathway.public_id, offer.public_id])


def test_sending_an_offer_records_it_and_puts_it_on_the_timeline(client, coach, pathway, offer_for):
    offer = offer_for(title="Jardinier en parc", job_code="A1203")
    client.force_login(coach)

    response = client.post(url(pathway, offer), {"score": "87"}, follow=True)

    sent = SentOffer.objects.get()
    assert (sent.offer, sent.pathway, sent.sent_by, sent.score) == (offer, pathway, coach, 87)
    assert "Offre « Jardinier en parc » envoyée à Amina Diallo." in response.content.decode()
    event = TimelineEvent.objects.get(pathway=pathway, kind=EventKind.APPLICATION)
    assert event.variant == "offer_sent"
    assert event.data["job"] == "A1203" and event.data["employer"] == "Verts Jardins"
    sentence = describe_offer_sent(event.data)
    assert sentence.startswith("Offre d'emploi envoyée le")
    assert "A1203" in sentence and "Verts Jardins" in sentence
    # The applications app shares the kind and keeps this variant's sentence.
    assert event.describe() == sentence


def test_the_application_sentence_keeps_the_other_variants_to_the_previous_describer():
    describe = describe_application(lambda variant, data: f"autre : {variant}")
    assert describe("offer_sent", {"job": "A1203", "employer": "X", "on": "2026-01-05"}).startswith(
        "Offre d'emploi envoyée"
    )
    assert describe("", {"to": "applied"}) == "autre : "


def test_an_offer_is_sent_once(client, coach, pathway, offer_for):
    offer = offer_for()
    client.force_login(coach)
    client.post(url(pathway, offer))

    response = client.post(url(pathway, offer), follow=True)

    assert SentOffer.objects.count() == 1
    assert "Cette offre a déjà été envoyée à cette personne." in response.content.decode()


def test_a_closed_or_expired_offer_cannot_be_sent(coach, pathway, offer_for, today):
    for offer in (offer_for(status=OfferStatus.CLOSED), offer_for(deadline=today - datetime.timedelta(days=1))):
        with pytest.raises(services.ValidationError, match="plus ouverte"):
            services.send_offer(offer=offer, pathway=pathway, by=coach)
    assert not SentOffer.objects.exists()


def test_the_service_refuses_an_offer_of_another_structure(coach, pathway):
    foreign = JobOfferFactory(company=CompanyFactory())
    with pytest.raises(services.ValidationError, match="structure"):
        services.send_offer(offer=foreign, pathway=pathway, by=coach)


def test_it_refuses_another_structures_offer_or_person(client, coach, pathway, offer_for, other_structure_user):
    foreign_offer = JobOfferFactory(company=CompanyFactory())
    client.force_login(coach)
    assert client.post(url(pathway, foreign_offer)).status_code == 404

    client.force_login(other_structure_user)
    assert client.post(url(pathway, offer_for())).status_code == 404
    assert not SentOffer.objects.exists()


def test_a_get_changes_nothing(client, coach, pathway, offer_for):
    client.force_login(coach)
    assert client.get(url(pathway, offer_for())).status_code == 405
    assert not SentOffer.objects.exists()


def test_the_factory_gives_an_offer_of_the_pathways_structure():
    from tremplin.matching.factories import SentOfferFactory

    sent = SentOfferFactory(pathway=PathwayFactory())
    assert sent.offer.structure == sent.pathway.structure == sent.offer.company.structure
