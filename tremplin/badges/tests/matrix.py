"""Open Badges in the permission matrix (see tests/security/access_rules.py)."""

from tests.security.access_rules import (
    MANAGERS,
    OTHER_SUPERVISOR,
    PEOPLE_EDITORS,
    PEOPLE_VIEWERS,
    POST_ONLY,
    PUBLIC,
    Expect,
    allow,
)
from tremplin.accounts.roles import Role

AWARDERS = PEOPLE_EDITORS | {Role.SUPERVISOR}

EXPECTED = {
    # The issuer's profile, keys and badge definitions are the direction's.
    "badges:issuer": allow(MANAGERS),
    "badges:achievement_create": allow(MANAGERS),
    "badges:achievement_edit": allow(MANAGERS),
    # The list of badges: those who manage them and those who award them (any supervisor, for their team).
    "badges:achievements": allow(MANAGERS, PEOPLE_EDITORS, {Role.SUPERVISOR, OTHER_SUPERVISOR}),
    "badges:bulk": allow(PEOPLE_EDITORS),
    # A person's badges: whoever sees the person; awarding: the social staff and the team's supervisor.
    "badges:pathway": allow(PEOPLE_VIEWERS),
    "badges:award_create": allow(AWARDERS),
    "badges:award": allow(PEOPLE_VIEWERS),
    "badges:award_json": allow(PEOPLE_VIEWERS),
    "badges:award_svg": allow(PEOPLE_VIEWERS),
    "badges:award_png": allow(PEOPLE_VIEWERS),
    "badges:revoke": Expect(POST_ONLY),
    # Anyone holding the link, signed in or not.
    "badges:verify": Expect(PUBLIC),
    "badges:did_document": Expect(PUBLIC),
}

PERSONAL = True
STRUCTURE_URLS = {
    "badges:issuer",
    "badges:achievement_create",
    "badges:achievement_edit",
    "badges:achievements",
    "badges:bulk",
    "badges:verify",
    "badges:did_document",
}


def build(world: dict) -> dict:
    from tremplin.badges import services
    from tremplin.badges.factories import AchievementFactory, IssuerFactory
    from tremplin.badges.models import DidMethod

    structure = world["structure"]
    issuer = IssuerFactory(structure=structure, did_method=DidMethod.WEB)
    achievement = AchievementFactory(structure=structure)
    award = services.award_badge(achievement, world["objects"]["pathways"], by=world["users"][Role.COUNSELLOR], level=3)
    return {
        "badges": award,
        "badges:achievement_edit": achievement,
        "badges:did_document": issuer,
    }
