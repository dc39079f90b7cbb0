import pytest
from django.urls import reverse

from tremplin.matching.models import NotRelevant, NotRelevantReason
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status

pytestmark = pytest.mark.django_db


def test_marking_an_offer_not_relevant_takes_it_out_of_the_ranking(client, coach, pathway, offer_for):
    offer = offer_for()
    client.force_login(coach)

    response = client.post(
        reverse("matching:not_relevant", args=[pathway.public_id, offer.public_id]),
        {"reason": NotRelevantReason.PLACE},
        follow=True,
    )

    record = NotRelevant.objects.get()
    assert (record.offer, record.pathway, record.reason, record.marked_by) == (offer, pathway, "place", coach)
    assert response.context["rows"] == []
    assert [row.obj.public_id for row in response.context["excluded_rows"]] == [offer.public_id]
    assert "elle ne sera plus proposée" in response.content.decode()


def test_an_offer_set_aside_for_someone_else_stays_in_this_persons_ranking(client, coach, pathway, offer_for):
    offer = offer_for()
    other = PathwayFactory(person__structure=pathway.structure, status=Status.IN_CONTRACT)
    NotRelevant.objects.create(offer=offer, pathway=other, reason=NotRelevantReason.HOURS)
    client.force_login(coach)

    response = client.get(reverse("matching:person", args=[pathway.public_id]))

    assert [row.obj.public_id for row in response.context["rows"]] == [offer.public_id]
    assert response.context["excluded_rows"] == []
    other_page = client.get(reverse("matching:person", args=[other.public_id]))
    assert [row.obj.public_id for row in other_page.context["excluded_rows"]] == [offer.public_id]


def test_a_missing_or_unknown_reason_is_refused(client, coach, pathway, offer_for):
    offer = offer_for()
    client.force_login(coach)
    for data in ({}, {"reason": "because"}):
        response = client.post(
            reverse("matching:not_relevant", args=[pathway.public_id, offer.public_id]), data, follow=True
        )
        assert "Choisissez pourquoi cette offre ne convient pas." in response.content.decode()
    assert not NotRelevant.objects.exists()


def test_restoring_brings_the_offer_back_into_the_ranking(client, coach, pathway, offer_for):
    offer = offer_for()
    NotRelevant.objects.create(offer=offer, pathway=pathway, reason=NotRelevantReason.JOB)
    client.force_login(coach)

    response = client.post(reverse("matching:restore", args=[pathway.public_id, offer.public_id]), follow=True)

    assert not NotRelevant.objects.exists()
    assert [row.obj.public_id for row in response.context["rows"]] == [offer.public_id]


def test_set_aside_from_the_offer_page_leaves_the_person_out_there_too(client, coach, pathway, offer_for):
    offer = offer_for()
    client.force_login(coach)

    response = client.post(
        reverse("matching:not_relevant", args=[pathway.public_id, offer.public_id]),
        {"reason": NotRelevantReason.PERSON_DECLINED, "from": "offer"},
        follow=True,
    )

    assert response.request["PATH_INFO"] == reverse("matching:offer", args=[offer.public_id])
    assert [row.obj for row in response.context["excluded_rows"]] == [pathway]
    assert "La personne n&#x27;est pas intéressée" in response.content.decode()


def test_it_refuses_another_structures_person(client, other_structure_user, pathway, offer_for):
    client.force_login(other_structure_user)
    response = client.post(
        reverse("matching:not_relevant", args=[pathway.public_id, offer_for().public_id]), {"reason": "job"}
    )
    assert response.status_code == 404
    assert not NotRelevant.objects.exists()
