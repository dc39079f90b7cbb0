import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.matching.models import MobilityProfile
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def url(pathway) -> str:
    return reverse("matching:mobility", args=[pathway.public_id])


def test_a_counsellor_records_the_mobility_starting_from_the_persons_address(client, member, structure):
    pathway = PathwayFactory(person=PersonFactory(structure=structure, postcode="59200", city="Tourcoing"))
    client.force_login(member(Role.COUNSELLOR))

    form = client.get(url(pathway)).context["form"]
    assert form.initial["home_postcode"] == "59200"
    response = client.post(
        url(pathway),
        {
            "home_postcode": "59200",
            "home_city": "Tourcoing",
            "latitude": "50.72",
            "longitude": "3.16",
            "transport": "bike",
            "max_travel_minutes": "40",
        },
    )

    assert response.status_code == 302
    profile = MobilityProfile.objects.get(person=pathway.person)
    assert (profile.transport, profile.max_travel_minutes, profile.latitude) == ("bike", 40, 50.72)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"latitude": "50.7"}, "longitude", "Indiquez la latitude et la longitude, ou aucune des deux."),
        ({"max_travel_minutes": "500"}, "max_travel_minutes", "Au plus 240 minutes."),
        ({"latitude": "95", "longitude": "3"}, "latitude", "90"),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(client, coach, pathway, data, field, message):
    MobilityProfile.objects.filter(person=pathway.person).delete()
    client.force_login(coach)
    posted = {"home_postcode": "59100", "transport": "car", "max_travel_minutes": "30"} | data

    response = client.post(url(pathway), posted)

    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert not MobilityProfile.objects.filter(person=pathway.person).exists()


def test_it_refuses_another_structures_person(client, other_structure_user, pathway):
    client.force_login(other_structure_user)
    assert client.get(url(pathway)).status_code == 404
