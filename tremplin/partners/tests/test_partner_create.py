import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.partners.factories import NetworkFactory, PartnerOrganisationFactory
from tremplin.partners.models import PartnerOrganisation
from tremplin.structures.factories import StructureFactory

URL = reverse("partners:create")
pytestmark = pytest.mark.django_db


def data(**extra):
    return {
        "name": "CCAS de Lille",
        "kind": "social_services",
        "postcode": "59000",
        "referral_method": "email",
        **extra,
    }


def test_it_adds_a_partner(signed_in, structure):
    response = signed_in.post(URL, data())
    organisation = PartnerOrganisation.objects.get()
    assert response.status_code == 302
    assert organisation.structure == structure
    assert organisation.normalised_name == "ccas de lille"


@pytest.mark.parametrize(
    "existing, posted",
    [
        ({"name": "C.C.A.S. de Lille", "postcode": "59000"}, {}),
        ({"name": "Autre nom", "postcode": "62000", "siret": "12345678900011"}, {"siret": "123 456 789 00011"}),
        (
            {"name": "Autre nom", "postcode": "62000", "email": "accueil@ccas.example.org"},
            {"email": "ACCUEIL@ccas.example.org"},
        ),
    ],
)
def test_a_likely_duplicate_is_not_saved_and_the_existing_one_is_offered(signed_in, structure, existing, posted):
    duplicate = PartnerOrganisationFactory(structure=structure, **existing)

    response = signed_in.post(URL, data(**posted))

    html = response.content.decode()
    assert response.status_code == 200
    assert PartnerOrganisation.objects.count() == 1
    assert "semble déjà dans" in html
    assert reverse("partners:detail", args=[duplicate.public_id]) in html
    assert "Créer quand même" in html


def test_the_member_may_confirm_it_is_another_partner(signed_in, structure):
    PartnerOrganisationFactory(structure=structure, name="CCAS de Lille", postcode="59000")
    response = signed_in.post(URL, data(confirm_duplicate="on"))
    assert response.status_code == 302
    assert PartnerOrganisation.objects.count() == 2


def test_the_same_name_elsewhere_is_not_a_duplicate(signed_in, structure):
    PartnerOrganisationFactory(structure=structure, name="CCAS de Lille", postcode="59800")
    PartnerOrganisationFactory(structure=StructureFactory(), name="CCAS de Lille", postcode="59000")
    assert signed_in.post(URL, data()).status_code == 302


def test_a_duplicate_shared_by_the_network_is_detected(signed_in, structure):
    other = StructureFactory()
    network = NetworkFactory()
    network.structures.add(structure, other)
    PartnerOrganisationFactory(structure=other, network=network, name="CCAS de Lille", postcode="59000")
    assert signed_in.post(URL, data()).status_code == 200


def test_a_missing_name_and_a_bad_siret_are_named(signed_in):
    response = signed_in.post(URL, data(name="", siret="ABC"))
    html = response.content.decode()
    assert "indiquez le nom du partenaire" in html
    assert "SIRET : uniquement des chiffres" in html
    assert not PartnerOrganisation.objects.exists()


def test_it_refuses_a_network_the_structure_is_not_in(signed_in):
    network = NetworkFactory()
    response = signed_in.post(URL, data(network=network.pk))
    assert response.status_code == 200
    assert not PartnerOrganisation.objects.exists()


def test_a_supervisor_reads_but_may_not_add(client, member):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(URL).status_code == 403
    assert client.get(reverse("partners:list")).status_code == 200
