"""Notifications in the permission matrix: every member has a centre holding only their own notifications;
opening one and marking all read are POSTs (someone else's notification answers 404,
tested in test_open)."""

from tests.security.access_rules import OTHER_SUPERVISOR, POST_ONLY, STAFF, Expect, allow
from tremplin.accounts.roles import Role

PERSONAL = False

EXPECTED = {
    "notifications:centre": allow(STAFF, {OTHER_SUPERVISOR}),
    "notifications:open": Expect(POST_ONLY),
    "notifications:mark_all_read": Expect(POST_ONLY),
    # The digest's choice: a fragment loaded into the profile page (GET), saved by a POST.
    "notifications:digest": allow(STAFF, {OTHER_SUPERVISOR}),
}


def build(world: dict) -> dict:
    from tremplin.notifications.factories import NotificationFactory

    return {
        "notifications": NotificationFactory(
            recipient=world["users"][Role.COUNSELLOR],
            structure=world["structure"],
            person=world["objects"]["people"],
        )
    }
