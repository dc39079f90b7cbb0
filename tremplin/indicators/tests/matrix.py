"""Rows of the permission matrix for the indicators and activity reports (see tests/security/access_rules.py)."""

from tests.security.access_rules import allow
from tremplin.accounts.roles import Role

# Whoever reads the structure dashboard; the people behind a figure also need to see every person (all three do).
READERS = {Role.DIRECTOR, Role.ADMIN, Role.CASE_MANAGER}

EXPECTED = {
    "indicators:page": allow(READERS),
    "indicators:people": allow(READERS),
    "indicators:reports": allow(READERS),
    "indicators:report": allow(READERS),
    "indicators:report_pdf": allow(READERS),
    "indicators:report_xlsx": allow(READERS),
    "indicators:report_csv": allow(READERS),
    "indicators:targets": allow(READERS),
    "indicators:progress": allow(READERS),
}
PERSONAL = False


def build(world: dict) -> dict:
    """A report of last year. Without `?figure=` the people page lists the people supported, and the world's
    main pathway is under contract this year."""
    from tremplin.indicators.factories import ReportFactory

    return {"indicators": ReportFactory(structure=world["structure"])}
