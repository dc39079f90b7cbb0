"""Orientations in the permission matrix: read by whoever reads all the files, written by the social staff.

The world's pathway is oriented (and sent, so shared) to a partner whose account is the world's partner user:
tremplin/partner_portal/tests/matrix.py reads it.
"""

from tests.security.access_rules import MANAGERS, PEOPLE_EDITORS, PEOPLE_VIEWERS, POST_ONLY, Expect, allow
from tremplin.accounts.roles import Role
from tremplin.orientations.models import SharedItem
from tremplin.orientations.services import orient
from tremplin.partner_portal.models import PartnerAccount
from tremplin.partners.factories import PartnerOrganisationFactory, PartnerServiceFactory

EXPECTED = {
    "orientations:pathway": allow(PEOPLE_VIEWERS - {Role.SUPERVISOR}),
    "orientations:detail": allow(PEOPLE_VIEWERS - {Role.SUPERVISOR}),
    "orientations:create": allow(PEOPLE_EDITORS),
    "orientations:status": allow(PEOPLE_EDITORS),
    "orientations:feedback": allow(PEOPLE_EDITORS),
    "orientations:share_create": allow(PEOPLE_EDITORS),
    "orientations:share_end": Expect(POST_ONLY),
    "orientations:settings": allow(MANAGERS),
}
PERSONAL = True
STRUCTURE_URLS = {"orientations:settings"}


def build(world: dict) -> dict:
    structure = world["structure"]
    pathway = world["objects"]["pathways"]
    organisation = PartnerOrganisationFactory(structure=structure, name=f"Logement solidaire {structure.name}")
    service = PartnerServiceFactory(organisation=organisation, needs=["housing"])
    partner_membership = world["users"][Role.PARTNER].memberships.get(structure=structure)
    PartnerAccount.objects.create(membership=partner_membership, organisation=organisation)
    orientation = orient(
        pathway=pathway,
        service=service,
        reason="Recherche d'un logement",
        shared_items=[SharedItem.STATUS, SharedItem.OBJECTIVES, SharedItem.NOTES],
        by=world["users"][Role.COUNSELLOR],
        record_consent=True,
        send=True,
    )
    return {"orientations": orientation, "orientations:share_end": orientation.shares.get()}
