import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.interviews.factories import InterviewFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory

from .conftest import WEDNESDAY, at

URL = reverse("calendars:day")


def test_the_day_shows_that_days_appointments_in_order(client, counsellor, week_of_work):
    client.force_login(counsellor)
    response = client.get(URL, {"jour": WEDNESDAY.isoformat()})
    titles = [entry.title for _day, entries in response.context["days"] for entry in entries]
    assert titles == ["Entretien individuel – Paul Martin", f"Atelier : {week_of_work['workshop'].title}"]
    html = response.content.decode()
    assert "?jour=2026-12-08" in html and "?jour=2026-12-10" in html


def test_a_colleague_of_another_structure_answers_404(client, member):
    stranger = MembershipFactory(structure=StructureFactory(), role=Role.COUNSELLOR)
    client.force_login(member(Role.CASE_MANAGER))
    assert client.get(URL, {"membre": str(stranger.public_id)}).status_code == 404


@pytest.mark.parametrize("count", [1, 10])
def test_constant_query_count(client, structure, counsellor, count, django_assert_num_queries):
    for n in range(count):
        pathway = PathwayFactory(person=PersonFactory(structure=structure), referent=counsellor)
        InterviewFactory(pathway=pathway, led_by=counsellor, planned_at=at(WEDNESDAY, 8 + n))
    client.force_login(counsellor)
    client.get(URL, {"jour": WEDNESDAY.isoformat()})
    with django_assert_num_queries(13):
        client.get(URL, {"jour": WEDNESDAY.isoformat()})


def test_a_day_without_appointments_says_so(client, counsellor):
    client.force_login(counsellor)
    response = client.get(URL, {"jour": (WEDNESDAY + datetime.timedelta(days=60)).isoformat()})
    assert "Rien de prévu." in response.content.decode()
