"""Permission matrix rows of the applications (see tests/security/access_rules.py)."""

from tests.security.access_rules import PEOPLE_VIEWERS, POST_ONLY, Expect, allow
from tremplin.accounts.roles import Role

# Whoever reads all the people's files reads the applications; a technical supervisor does not.
READERS = PEOPLE_VIEWERS - {Role.SUPERVISOR}
# Job coach, counsellor, case manager and director record them.
WRITERS = {Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.JOB_COACH}

EXPECTED = {
    "applications:pipeline": allow(READERS),
    "applications:list": allow(READERS),
    "applications:create": allow(WRITERS),
    "applications:detail": allow(READERS),
    "applications:edit": allow(WRITERS),
    "applications:move": Expect(POST_ONLY),
    "applications:prepare": Expect(POST_ONLY),
}
PERSONAL = True
STRUCTURE_URLS = {"applications:pipeline"}


def build(world: dict) -> dict:
    from tremplin.applications.services import record_application

    pathway = world["objects"]["pathways"]
    application = record_application(
        pathway=pathway, by=world["users"][Role.JOB_COACH], employer_name="Paysages du Nord", job_title="Jardinier"
    )
    return {"applications": application}
