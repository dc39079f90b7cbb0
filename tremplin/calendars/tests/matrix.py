"""The agenda in the permission matrix: every member of the team (not partners) reads their own week and day;
the feed is read by its secret token alone (public, 404 without a valid one, tested in test_feed); creating,
renewing and revoking it are POSTs."""

from django.utils import timezone

from tests.security.access_rules import OTHER_SUPERVISOR, POST_ONLY, PUBLIC, STAFF, Expect, allow
from tremplin.accounts.roles import Role

PERSONAL = False

EXPECTED = {
    "calendars:week": allow(STAFF - {Role.PARTNER}, {OTHER_SUPERVISOR}),
    "calendars:day": allow(STAFF - {Role.PARTNER}, {OTHER_SUPERVISOR}),
    "calendars:feed_manage": Expect(POST_ONLY),
    "calendars:feed": Expect(PUBLIC),
}


def build(world: dict) -> dict:
    """The counsellor leads an interview with the main person today, and has a feed."""
    from tremplin.calendars.services import issue_feed
    from tremplin.interviews.factories import InterviewFactory

    counsellor = world["users"][Role.COUNSELLOR]
    pathway = world["objects"]["pathways"]
    planned = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    InterviewFactory(pathway=pathway, led_by=counsellor, planned_at=planned, visibility="whole_team")
    return {"calendars:feed.token": issue_feed(counsellor, world["structure"])}
