import datetime

from django.urls import reverse

from tremplin.contracts.factories import ContractFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.review_meetings.models import ReviewItem, ReviewReason


def url(meeting):
    return reverse("review_meetings:pick", args=[meeting.public_id])


def test_the_helper_proposes_contracts_ending_and_the_ticked_people_are_added(
    client, meeting, counsellor, make_pathway, today
):
    ending = make_pathway("Ali", "Bientot")
    ContractFactory(
        pathway=ending,
        start_date=today - datetime.timedelta(days=200),
        planned_end_date=today + datetime.timedelta(days=30),
    )
    later = make_pathway("Lou", "Plustard")
    ContractFactory(
        pathway=later,
        start_date=today - datetime.timedelta(days=20),
        planned_end_date=today + datetime.timedelta(days=300),
    )
    client.force_login(counsellor)
    response = client.get(url(meeting), {"helper": "contract", "months": 3})
    assert response.context["candidates"] == [ending]
    response = client.post(url(meeting), {"helper": "contract", "months": 3, "pathways": [str(ending.public_id)]})
    assert response.status_code == 302
    item = ReviewItem.objects.get()
    assert (item.pathway, item.reason, item.added_by) == (ending, ReviewReason.CONTRACT_ENDING, counsellor)


def test_by_hand_everyone_followed_is_proposed(client, meeting, counsellor, make_pathway):
    first, second = make_pathway("A", "Un"), make_pathway("B", "Deux", status="candidate")
    make_pathway("C", "Clos", status="closed")
    client.force_login(counsellor)
    response = client.get(url(meeting), {"helper": "everyone"})
    assert set(response.context["candidates"]) == {first, second}


def test_bad_months_are_named(client, meeting, counsellor):
    client.force_login(counsellor)
    response = client.get(url(meeting), {"helper": "review", "months": "0"})
    assert "Nombre de mois : au moins 1." in response.context["helper_form"].errors["months"]
    response = client.get(url(meeting), {"helper": "review", "months": ""})
    assert response.context["helper_form"].errors["months"] == ["Nombre de mois : indiquez un nombre de mois."]


def test_nobody_ticked_is_refused(client, meeting, counsellor, pathway):
    client.force_login(counsellor)
    response = client.post(url(meeting), {"helper": "everyone"})
    assert response.status_code == 200
    assert "cochez au moins une personne" in response.context["errors"][0]
    assert not ReviewItem.objects.exists()


def test_a_person_of_another_structure_cannot_be_slipped_in(client, meeting, counsellor, pathway):
    stranger = PathwayFactory()
    client.force_login(counsellor)
    response = client.post(
        url(meeting), {"helper": "everyone", "pathways": [str(pathway.public_id), str(stranger.public_id)]}
    )
    assert response.status_code == 200
    assert "ne peut pas être ajoutée" in response.context["errors"][0]
    assert not ReviewItem.objects.exists()


def test_it_refuses_another_structures_meeting(client, meeting, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(meeting), {"helper": "everyone"}).status_code == 404
