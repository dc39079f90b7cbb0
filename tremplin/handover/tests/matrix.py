"""Handovers in the permission matrix: pages about the structure's organisation, for the social staff;
the others of the structure get 403; acknowledging is a POST."""

from tests.security.access_rules import PEOPLE_EDITORS, POST_ONLY, Expect, allow
from tremplin.accounts.roles import Role

PERSONAL = False

EXPECTED = {
    "handover:inbox": allow(PEOPLE_EDITORS),
    "handover:create": allow(PEOPLE_EDITORS),
    "handover:detail": allow(PEOPLE_EDITORS),
    "handover:acknowledge": Expect(POST_ONLY),
}


def build(world: dict) -> dict:
    from tremplin.handover.factories import HandoverFactory, HandoverItemFactory

    handover = HandoverFactory(structure=world["structure"], to_referent=world["users"][Role.COUNSELLOR])
    HandoverItemFactory(handover=handover, pathway=world["objects"]["pathways"])
    return {"handover": handover}
