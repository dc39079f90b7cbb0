"""The search page in the permission matrix: every member reaches it (what it finds is filtered per role,
tested in tremplin/search/tests/test_views.py); no record in its URL, so other structures are not involved."""

from tests.security.access_rules import OTHER_SUPERVISOR, STAFF, allow

EXPECTED = {
    "search:results": allow(STAFF, {OTHER_SUPERVISOR}),
}
PERSONAL = False


def build(world: dict) -> dict:
    return {}
