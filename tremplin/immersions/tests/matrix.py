"""Permission matrix rows of the immersions (see tests/security/access_rules.py)."""

from tests.security.access_rules import PEOPLE_VIEWERS, allow
from tremplin.accounts.roles import Role

# Whoever reads all files reads them, and the technical supervisor of the person's team (work matters to them);
# a supervisor of another team and partners get 404.
READERS = PEOPLE_VIEWERS
WRITERS = {Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.JOB_COACH}

EXPECTED = {
    "immersions:list": allow(READERS),
    "immersions:create": allow(WRITERS),
    "immersions:detail": allow(READERS),
    "immersions:edit": allow(WRITERS),
    "immersions:evaluate": allow(WRITERS),
    "immersions:plan_follow_up": allow(WRITERS),
    "immersions:agreement_pdf": allow(WRITERS),
}
PERSONAL = True


def build(world: dict) -> dict:
    from tremplin.immersions.factories import ImmersionFactory

    return {"immersions": ImmersionFactory(pathway=world["objects"]["pathways"])}
