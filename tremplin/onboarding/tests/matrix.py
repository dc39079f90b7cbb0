"""Permission matrix rows of spreadsheet onboarding (see tests/security/access_rules.py): the direction only."""

from tests.security.access_rules import allow
from tremplin.accounts.roles import Role

DIRECTION = {Role.DIRECTOR}

EXPECTED = {
    "onboarding:start": allow(DIRECTION),
    "onboarding:template_xlsx": allow(DIRECTION),
    "onboarding:template_csv": allow(DIRECTION),
    "onboarding:run": allow(DIRECTION),
    "onboarding:mapping": allow(DIRECTION),
}
PERSONAL = False


def build(world: dict) -> dict:
    from tremplin.onboarding.factories import ImportRunFactory

    return {"onboarding": ImportRunFactory(structure=world["structure"])}
