import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.barriers.factories import BarrierFactory
from tremplin.barriers.models import BarrierDomain, BarrierStatus
from tremplin.core.visibility import Visibility
from tremplin.employers.factories import CompanyFactory
from tremplin.job_offers.models import OfferStatus
from tremplin.matching.factories import NotRelevantFactory, SentOfferFactory
from tremplin.matching.models import NotRelevantReason
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(pathway) -> str:
    return reverse("matching:person", kwargs={"pathway_id": pathway.public_id})


def test_offers_are_ranked_with_their_reasons(client, coach, pathway, offer_for):
    same = offer_for(title="Jardinier en parc", job_code="A1203")
    related = offer_for(title="Agent des espaces naturels", job_code="A1204")
    other = offer_for(title="Agent de propreté", job_code="K2204")
    client.force_login(coach)

    response = client.get(url(pathway))

    assert response.status_code == 200
    assert [row.obj.public_id for row in response.context["rows"]] == [
        same.public_id,
        related.public_id,
        other.public_id,
    ]
    page = response.content.decode()
    assert "Même métier que le métier visé confirmé" in page
    assert "Métier proche du métier visé" in page
    assert "min de trajet" in page
    assert "grille de compétences" in page or "Compétences" in page
    assert AccessLogEntry.objects.filter(part="matching", person_public_id=pathway.person.public_id).count() == 1


def test_hard_constraints_list_the_offer_apart_with_the_reason(client, coach, pathway, offer_for):
    BarrierFactory(
        pathway=pathway,
        domain=BarrierDomain.CHILDCARE,
        status=BarrierStatus.IDENTIFIED,
        visibility=Visibility.WHOLE_TEAM,
    )
    licence = offer_for(title="Livreur", driving_licence_required=True)
    night = offer_for(title="Agent de nuit", shifts=",night,")
    fine = offer_for(title="Jardinier de jour")
    client.force_login(coach)

    response = client.get(url(pathway))

    assert [row.obj.public_id for row in response.context["rows"]] == [fine.public_id]
    assert {row.obj.public_id for row in response.context["excluded_rows"]} == {licence.public_id, night.public_id}
    page = response.content.decode()
    assert "Permis B exigé : la personne n&#x27;a pas le permis." in page
    assert "incompatibles avec le frein « garde d&#x27;enfants » non levé" in page


def test_a_lifted_childcare_barrier_no_longer_excludes(client, coach, pathway, offer_for):
    BarrierFactory(pathway=pathway, domain=BarrierDomain.CHILDCARE, status=BarrierStatus.LIFTED)
    night = offer_for(title="Agent de nuit", shifts=",night,")
    client.force_login(coach)

    assert [row.obj.public_id for row in client.get(url(pathway)).context["rows"]] == [night.public_id]


def test_closed_and_expired_offers_and_other_structures_offers_are_not_proposed(
    client, coach, pathway, offer_for, today
):
    import datetime

    offer_for(status=OfferStatus.FILLED)
    offer_for(deadline=today - datetime.timedelta(days=1))
    offer_for(company=CompanyFactory(structure=StructureFactory()))
    open_offer = offer_for()
    client.force_login(coach)

    assert [row.obj.public_id for row in client.get(url(pathway)).context["rows"]] == [open_offer.public_id]


def test_an_offer_set_aside_is_listed_apart_with_its_reason_and_can_be_restored(client, coach, pathway, offer_for):
    offer = offer_for()
    NotRelevantFactory(pathway=pathway, offer=offer, reason=NotRelevantReason.HOURS)
    client.force_login(coach)

    response = client.get(url(pathway))

    assert response.context["rows"] == []
    assert [row.obj.public_id for row in response.context["excluded_rows"]] == [offer.public_id]
    page = response.content.decode()
    assert "Écartée par l&#x27;équipe : Horaires incompatibles." in page
    assert reverse("matching:restore", args=[pathway.public_id, offer.public_id]) in page


def test_an_offer_already_sent_says_when(client, coach, pathway, offer_for):
    offer = offer_for()
    SentOfferFactory(pathway=pathway, offer=offer)
    client.force_login(coach)

    page = client.get(url(pathway)).content.decode()

    assert "Envoyée le" in page
    assert reverse("matching:send", args=[pathway.public_id, offer.public_id]) not in page


def test_the_number_of_queries_does_not_grow_with_the_offers(client, coach, pathway, offer_for):
    offer_for()
    client.force_login(coach)
    client.get(url(pathway))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url(pathway))
    for index in range(30):
        offer_for(
            title=f"Offre {index}", job_code="A1204" if index % 2 else "K2204", driving_licence_required=index % 5 == 0
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(url(pathway)).status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 20


def test_a_supervisor_of_the_team_is_refused(client, member, pathway):
    supervisor = member(Role.SUPERVISOR)
    pathway.supervisor = supervisor
    pathway.save()
    client.force_login(supervisor)

    assert client.get(url(pathway)).status_code == 403


def test_it_refuses_another_structures_person(client, other_structure_user, pathway):
    client.force_login(other_structure_user)

    assert client.get(url(pathway)).status_code == 404
