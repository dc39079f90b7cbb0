import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.partners.factories import (
    NetworkFactory,
    PartnerContactFactory,
    PartnerOrganisationFactory,
    PartnerServiceFactory,
)
from tremplin.structures.factories import StructureFactory

URL = reverse("partners:list")
pytestmark = pytest.mark.django_db


def names(response) -> set[str]:
    return {organisation.name for organisation in response.context["page"].object_list}


def test_it_finds_the_partners_answering_a_need(signed_in, structure):
    housing = PartnerOrganisationFactory(structure=structure, name="Habitat Jeunes")
    PartnerServiceFactory(organisation=housing, needs=["housing"])
    garage = PartnerOrganisationFactory(structure=structure, name="Garage solidaire")
    PartnerServiceFactory(organisation=garage, needs=["mobility"])

    response = signed_in.get(URL, {"need": "housing"})

    assert names(response) == {"Habitat Jeunes"}


def test_it_finds_partners_by_postcode_commune_or_department(signed_in, structure):
    PartnerOrganisationFactory(structure=structure, name="Lille", area_served="59000, 59800", department_codes="")
    PartnerOrganisationFactory(structure=structure, name="Nord", area_served="", department_codes="59 62", postcode="")
    PartnerOrganisationFactory(
        structure=structure, name="Somme", area_served="Amiens", department_codes="80", postcode="80000", city="Amiens"
    )

    assert names(signed_in.get(URL, {"area": "59800"})) == {"Lille", "Nord"}
    assert names(signed_in.get(URL, {"area": "62"})) == {"Nord"}
    assert names(signed_in.get(URL, {"area": "Amiens"})) == {"Somme"}
    # A department code matches whole codes only: 5 is not 59.
    assert "Nord" not in names(signed_in.get(URL, {"area": "5"}))


def test_it_combines_need_and_area(signed_in, structure):
    near = PartnerOrganisationFactory(structure=structure, name="Près", department_codes="59")
    PartnerServiceFactory(organisation=near, needs=["housing"])
    far = PartnerOrganisationFactory(structure=structure, name="Loin", department_codes="13", postcode="13001")
    PartnerServiceFactory(organisation=far, needs=["housing"])

    assert names(signed_in.get(URL, {"need": "housing", "area": "59000"})) == {"Près"}


def test_it_shows_only_the_structures_partners_and_those_of_its_networks(signed_in, structure):
    other = StructureFactory()
    PartnerOrganisationFactory(structure=other, name="Ailleurs")
    network = NetworkFactory()
    network.structures.add(structure, other)
    PartnerOrganisationFactory(structure=other, name="Partagé", network=network)
    PartnerOrganisationFactory(structure=structure, name="Chez nous")

    assert names(signed_in.get(URL)) == {"Partagé", "Chez nous"}


def test_an_inactive_partner_is_left_out(signed_in, structure):
    PartnerOrganisationFactory(structure=structure, name="Fermé", is_active=False)
    assert names(signed_in.get(URL)) == set()


def test_a_partner_user_is_refused(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 403


def _partners(structure, n):
    for _index in range(n):
        organisation = PartnerOrganisationFactory(structure=structure, department_codes="59")
        PartnerServiceFactory(organisation=organisation, needs=["housing", "money"])
        PartnerServiceFactory(organisation=organisation, needs=["housing"])
        PartnerContactFactory(organisation=organisation)


# session, user, membership (middleware), savepoint and release (ATOMIC_REQUESTS), count, page,
# services, their needs and contacts prefetched: 10, whatever the number of partners.
QUERIES_SEARCH = 10


@pytest.mark.parametrize("params", [{}, {"need": "housing", "area": "59000"}])
def test_the_search_runs_the_same_queries_for_2_or_20_partners(signed_in, structure, django_assert_num_queries, params):
    _partners(structure, 2)
    with django_assert_num_queries(QUERIES_SEARCH):
        assert signed_in.get(URL, params).status_code == 200
    _partners(structure, 18)
    with django_assert_num_queries(QUERIES_SEARCH):
        response = signed_in.get(URL, params)
    assert response.context["page"].paginator.count == 20
