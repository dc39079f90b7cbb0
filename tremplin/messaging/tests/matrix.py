"""Messages in the permission matrix: whoever sees the person reads their messages; the editors of people's files
set the contact preferences and send a follow-up (POST only); the direction sets the texts; the person's
"I can't come" page answers anyone holding the signed link; the provider's reports are POST only."""

from tests.security.access_rules import PEOPLE_EDITORS, PEOPLE_VIEWERS, POST_ONLY, PUBLIC, Expect, allow
from tremplin.accounts.roles import Role

PERSONAL = True
STRUCTURE_URLS = {"messaging:settings", "messaging:template_edit", "messaging:decline", "messaging:brevo_webhook"}

EXPECTED = {
    "messaging:person": allow(PEOPLE_VIEWERS),
    "messaging:preferences": allow(PEOPLE_EDITORS),
    "messaging:settings": allow({Role.DIRECTOR, Role.ADMIN}),
    "messaging:template_edit": allow({Role.DIRECTOR, Role.ADMIN}),
    "messaging:follow_up": Expect(POST_ONLY),
    "messaging:brevo_webhook": Expect(POST_ONLY),
    "messaging:decline": Expect(PUBLIC),
}


def build(world: dict) -> dict:
    from tremplin.messaging.factories import MessageFactory
    from tremplin.messaging.services import decline_token

    message = MessageFactory(pathway=world["objects"]["pathways"])
    return {
        "messaging:follow_up": world["objects"]["interviews"],
        "messaging:decline.token": decline_token(message),
    }
