"""Permission matrix rows of the API's token page (see tests/security/access_rules.py).

The API's own routes (/api/v1/) answer tokens, not sessions: their matrix by role and scope is in
tremplin/api/tests (test_scopes, test_visibility, test_reads_are_logged, test_schemathesis).
"""

from tests.security.access_rules import POST_ONLY, Expect, allow
from tremplin.accounts.roles import Role

EXPECTED = {
    # Tokens act for a member of the structure: the direction alone creates and revokes them.
    "api_tokens:list": allow({Role.DIRECTOR}),
    "api_tokens:revoke": Expect(POST_ONLY),
}
PERSONAL = False


def build(world: dict) -> dict:
    from tremplin.api.factories import ApiTokenFactory

    membership = world["users"][Role.COUNSELLOR].memberships.get()
    return {"api_tokens": ApiTokenFactory(membership=membership)}
