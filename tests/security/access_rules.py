"""Role groups and expectations of the permission matrix, shared with the apps' own `tests/matrix.py`.

An app adds its URLs to the matrix with a module `tremplin/<app>/tests/matrix.py` defining:

- `EXPECTED: dict[str, Expect]` — the access rule of each of its URL names;
- `PERSONAL: bool` — whether its pages are about one person (those who may not see the
  person get 404), with `STRUCTURE_URLS: set[str]` for the exceptions (pages about the structure);
- `def build(world: dict) -> dict` — the records its URLs need, keyed by namespace or by URL name
  (as in `build_structure`), or by "<url name>.<argument>" for an argument other than public_id.
"""

from dataclasses import dataclass

from tremplin.accounts.roles import Role

STAFF = set(Role)
MANAGERS = {Role.DIRECTOR, Role.ADMIN}
PEOPLE_VIEWERS = {
    Role.DIRECTOR,
    Role.ADMIN,
    Role.CASE_MANAGER,
    Role.COUNSELLOR,
    Role.JOB_COACH,
    Role.SUPERVISOR,
    Role.DPO,
}
PEOPLE_EDITORS = {Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR}
CONTRACT_MANAGERS = {Role.DIRECTOR, Role.ADMIN, Role.CASE_MANAGER, Role.COUNSELLOR}
# A supervisor who is not in charge of the person: sees nothing of them.
OTHER_SUPERVISOR = "other_supervisor"

CANNOT_SEE_THE_PERSON = {Role.PARTNER, OTHER_SUPERVISOR}

PUBLIC = "public"  # anyone, signed in or not
POST_ONLY = "post_only"  # GET answers 405 to everyone
SIGNED_IN_REDIRECT = "signed_in_redirect"  # every signed-in user is sent on (302); anonymous -> sign-in


@dataclass(frozen=True)
class Expect:
    """Roles that get the page (200); the others of the structure get 403.

    On pages about one person, those who may not see that person at all (a
    partner with nothing shared, a supervisor outside the person's team) get 404.
    """

    allowed: frozenset | str


def allow(*groups) -> Expect:
    roles: set = set()
    for group in groups:
        roles |= set(group)
    return Expect(frozenset(roles))
