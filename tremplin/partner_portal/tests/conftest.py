import pytest

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.orientations.models import SharedItem
from tremplin.orientations.services import orient
from tremplin.partner_portal.models import PartnerAccount
from tremplin.partners.factories import PartnerOrganisationFactory, PartnerServiceFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

ITEMS = [SharedItem.STATUS, SharedItem.OBJECTIVES, SharedItem.NOTES, SharedItem.NEXT_APPOINTMENT]


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def organisation(structure):
    return PartnerOrganisationFactory(structure=structure, name="Habitat Jeunes Lille")


@pytest.fixture
def partner(structure, organisation):
    """A partner user of Habitat Jeunes Lille in the structure."""
    membership = MembershipFactory(structure=structure, role=Role.PARTNER)
    PartnerAccount.objects.create(membership=membership, organisation=organisation)
    return membership.user


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


def make_pathway(structure, first_name="Amina", last_name="Diallo"):
    return PathwayFactory(
        person=PersonFactory(structure=structure, first_name=first_name, last_name=last_name, phone="06 11 22 33 44"),
        status=Status.IN_CONTRACT,
    )


@pytest.fixture
def shared(structure, organisation, counsellor):
    """Amina Diallo's pathway, oriented and sent to Habitat Jeunes Lille with her consent."""
    pathway = make_pathway(structure)
    service = PartnerServiceFactory(organisation=organisation, needs=["housing"])
    orientation = orient(
        pathway=pathway,
        service=service,
        reason="Logement",
        shared_items=ITEMS,
        by=counsellor,
        record_consent=True,
        send=True,
    )
    return orientation


@pytest.fixture
def not_shared(structure):
    return make_pathway(structure, "Paul", "Martin")
