import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.review_meetings.factories import ReviewMeetingFactory

URL = reverse("review_meetings:list")


def test_the_social_staff_see_upcoming_and_past_meetings(client, structure, counsellor, today):
    upcoming = ReviewMeetingFactory(structure=structure, date=today + datetime.timedelta(days=3))
    past = ReviewMeetingFactory(structure=structure, date=today - datetime.timedelta(days=3))
    client.force_login(counsellor)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["upcoming"] == [upcoming]
    assert list(response.context["page"]) == [past]


def test_a_supervisor_sees_only_the_meetings_they_take_part_in(client, structure, supervisor):
    mine = ReviewMeetingFactory(structure=structure, participants=[supervisor])
    ReviewMeetingFactory(structure=structure)
    client.force_login(supervisor)
    assert client.get(URL).context["upcoming"] == [mine]


def test_it_never_lists_another_structures_meetings(client, other_structure_director, meeting):
    client.force_login(other_structure_director)
    assert client.get(URL).context["upcoming"] == []


def test_a_partner_is_refused(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, structure, counsellor, count, django_assert_num_queries):
    for _ in range(count):
        ReviewMeetingFactory(structure=structure, participants=[counsellor])
    client.force_login(counsellor)
    with django_assert_num_queries(8):
        client.get(URL)
