import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.matching.factories import MobilityProfileFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.professional_project.factories import TargetJobFactory

pytestmark = pytest.mark.django_db


def url(offer) -> str:
    return reverse("matching:offer", args=[offer.public_id])


def person_in(structure, *, code="K2204", status=Status.IN_CONTRACT, **person_fields):
    pathway = PathwayFactory(person=PersonFactory(structure=structure, **person_fields), status=status)
    TargetJobFactory(pathway=pathway, job_code=code, title="Métier")
    MobilityProfileFactory(person=pathway.person)
    return pathway


def test_people_are_ranked_for_an_offer_and_those_ruled_out_are_listed_with_the_reason(
    client, coach, structure, pathway, offer_for
):
    offer = offer_for(job_code="A1203", driving_licence_required=True)
    pathway.person.driving_licence = "B"
    pathway.person.save()
    other = person_in(structure, code="A1204", driving_licence="B")
    no_licence = person_in(structure, code="A1203", driving_licence="none")
    person_in(structure, status=Status.CLOSED)
    client.force_login(coach)

    response = client.get(url(offer))

    assert response.status_code == 200
    assert [row.obj for row in response.context["rows"]] == [pathway, other]
    assert [row.obj for row in response.context["excluded_rows"]] == [no_licence]
    page = response.content.decode()
    assert "la personne n&#x27;a pas le permis" in page
    assert "Même métier que le métier visé confirmé" in page


def test_the_number_of_queries_does_not_grow_with_the_people(client, coach, structure, pathway, offer_for):
    offer = offer_for()
    client.force_login(coach)
    client.get(url(offer))
    with CaptureQueriesContext(connection) as few:
        client.get(url(offer))
    for index in range(15):
        person_in(structure, code="A1204" if index % 2 else "K2204")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url(offer)).status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 20


def test_it_refuses_another_structures_offer(client, other_structure_user, offer_for):
    client.force_login(other_structure_user)
    assert client.get(url(offer_for())).status_code == 404
