"""Permission matrix rows of the CV (see tests/security/access_rules.py)."""

from tests.security.access_rules import PEOPLE_VIEWERS, allow
from tremplin.accounts.roles import Role

WRITERS = {Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.JOB_COACH}

EXPECTED = {
    # Editing and exporting: those who help the person with their job search.
    "cv:edit": allow(WRITERS),
    "cv:pdf": allow(WRITERS),
    "cv:json": allow(WRITERS),
    # Looking at it: whoever reads all the files (not the technical supervisor).
    "cv:preview": allow(PEOPLE_VIEWERS - {Role.SUPERVISOR}),
}
PERSONAL = True


def build(world: dict) -> dict:
    return {}
