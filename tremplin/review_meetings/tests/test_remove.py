from django.urls import reverse

from tremplin.review_meetings.factories import ReviewDecisionFactory
from tremplin.review_meetings.models import ReviewItem


def url(item):
    return reverse("review_meetings:remove", args=[item.public_id])


def test_a_person_without_decisions_is_taken_off_the_agenda(client, item, counsellor):
    client.force_login(counsellor)
    assert client.post(url(item)).status_code == 302
    assert not ReviewItem.objects.exists()


def test_a_person_with_decisions_stays(client, item, counsellor):
    ReviewDecisionFactory(item=item)
    client.force_login(counsellor)
    client.post(url(item))
    assert ReviewItem.objects.exists()


def test_get_is_not_allowed(client, item, counsellor):
    client.force_login(counsellor)
    assert client.get(url(item)).status_code == 405


def test_it_refuses_another_structures_item(client, item, other_structure_director):
    client.force_login(other_structure_director)
    assert client.post(url(item)).status_code == 404
    assert ReviewItem.objects.exists()
