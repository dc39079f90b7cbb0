"""Rows of the permission matrix for the indicators (see tests/security/access_rules.py)."""

from tests.security.access_rules import allow
from tremplin.accounts.roles import Role

# Whoever reads the structure dashboard; the people behind a figure also need to see every person (all three do).
READERS = {Role.DIRECTOR, Role.ADMIN, Role.CASE_MANAGER}

EXPECTED = {
    "indicators:page": allow(READERS),
    "indicators:people": allow(READERS),
}
PERSONAL = False


def build(world: dict) -> dict:
    """Nothing to add: without `?figure=` the people page lists the people supported, and the world's main
    pathway is under contract this year."""
    return {}
