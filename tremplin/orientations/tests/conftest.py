import pytest

from tremplin.accounts.roles import Role
from tremplin.partners.factories import PartnerContactFactory, PartnerOrganisationFactory, PartnerServiceFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def signed_in(client, counsellor):
    client.force_login(counsellor)
    return client


@pytest.fixture
def pathway(structure, counsellor):
    person = PersonFactory(structure=structure, first_name="Amina", last_name="Diallo")
    return PathwayFactory(person=person, status=Status.IN_CONTRACT, referent=counsellor)


@pytest.fixture
def organisation(structure):
    organisation = PartnerOrganisationFactory(structure=structure, name="Habitat Jeunes Lille")
    PartnerContactFactory(organisation=organisation, name="Sophie Leroy", phone="03 20 55 66 77")
    return organisation


@pytest.fixture
def service(organisation):
    return PartnerServiceFactory(organisation=organisation, name="Recherche de logement", needs=["housing"])
