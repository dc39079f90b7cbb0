"""Rows of the permission matrix for exits and follow-ups (see tests/security/access_rules.py)."""

from tests.security.access_rules import PEOPLE_EDITORS, allow
from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status

# Exits and follow-ups: the social staff and the job coach record and read them.
RECORDERS = PEOPLE_EDITORS | {Role.JOB_COACH}

EXPECTED = {
    "exits:record": allow(RECORDERS),
    "exits:detail": allow(RECORDERS),
    "exits:follow_up": allow(RECORDERS),
    # Figures of the structure, no person: whoever reads the structure dashboard.
    "exits:indicators": allow({Role.DIRECTOR, Role.ADMIN, Role.CASE_MANAGER}),
}
PERSONAL = True
STRUCTURE_URLS = {"exits:indicators"}


def build(world: dict) -> dict:
    """The main pathway (in contract) is where an exit is recorded; a second pathway of the same person,
    in the same team, has left and has its exit and follow-ups."""
    from tremplin.exits.factories import ExitFactory, FollowUpFactory

    main = world["objects"]["pathways"]
    left = PathwayFactory(
        person=main.person,
        programme=main.programme,
        status=Status.FOLLOW_UP,
        referent=main.referent,
        supervisor=main.supervisor,
        worksite=main.worksite,
    )
    exit_record = ExitFactory(pathway=left)
    return {"exits": exit_record, "exits:follow_up": FollowUpFactory(exit=exit_record)}
