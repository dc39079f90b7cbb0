"""Permission matrix rows of the list exports (see tests/security/access_rules.py).

Exports are about the people they list (each logs a read per person): whoever may see no one gets 404.
"""

from tests.security.access_rules import OTHER_SUPERVISOR, PEOPLE_EDITORS, PEOPLE_VIEWERS, allow

EXPECTED = {
    # The people list as its reader sees it (a supervisor without a team gets an empty file, like the list).
    "exports:people": allow(PEOPLE_VIEWERS, {OTHER_SUPERVISOR}),
    # One's own caseload as référent·e: those who follow people.
    "exports:caseload": allow(PEOPLE_EDITORS),
}
PERSONAL = True


def build(world: dict) -> dict:
    return {}
