"""Workshops in the permission matrix: the social staff run them; the supervisor of the world facilitates the
workshop (opens it and records attendance, 403 on the rest); the other supervisor and the partner get 404;
the others of the structure get 403."""

from tests.security.access_rules import OTHER_SUPERVISOR, PEOPLE_EDITORS, STAFF, allow
from tremplin.accounts.roles import Role

PERSONAL = True
STRUCTURE_URLS = {"workshops:list", "workshops:create"}

EXPECTED = {
    "workshops:list": allow(STAFF - {Role.PARTNER}, {OTHER_SUPERVISOR}),
    "workshops:create": allow(PEOPLE_EDITORS),
    "workshops:detail": allow(PEOPLE_EDITORS, {Role.SUPERVISOR}),
    "workshops:attendance": allow(PEOPLE_EDITORS, {Role.SUPERVISOR}),
    "workshops:edit": allow(PEOPLE_EDITORS),
    "workshops:invite": allow(PEOPLE_EDITORS),
}


def build(world: dict) -> dict:
    from tremplin.workshops.factories import ParticipantFactory, WorkshopFactory

    workshop = WorkshopFactory(structure=world["structure"], facilitator_user=world["users"][Role.SUPERVISOR])
    ParticipantFactory(workshop=workshop, pathway=world["objects"]["pathways"], attendance="present")
    return {"workshops": workshop}
