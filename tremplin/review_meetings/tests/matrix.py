"""Review meetings in the permission matrix: the social staff plan and decide; the supervisor of the world
takes part in the meeting (reads the agenda and the minutes, 403 on the rest); the other supervisor and the
partner do not take part (404); the others of the structure get 403."""

from tests.security.access_rules import OTHER_SUPERVISOR, PEOPLE_EDITORS, POST_ONLY, STAFF, Expect, allow
from tremplin.accounts.roles import Role

PERSONAL = True
STRUCTURE_URLS = {"review_meetings:list", "review_meetings:create"}

EXPECTED = {
    "review_meetings:list": allow(STAFF - {Role.PARTNER}, {OTHER_SUPERVISOR}),
    "review_meetings:create": allow(PEOPLE_EDITORS),
    "review_meetings:detail": allow(PEOPLE_EDITORS, {Role.SUPERVISOR}),
    "review_meetings:minutes_pdf": allow(PEOPLE_EDITORS, {Role.SUPERVISOR}),
    "review_meetings:edit": allow(PEOPLE_EDITORS),
    "review_meetings:pick": allow(PEOPLE_EDITORS),
    "review_meetings:decide": allow(PEOPLE_EDITORS),
    "review_meetings:remove": Expect(POST_ONLY),
    "review_meetings:invite": Expect(POST_ONLY),
}


def build(world: dict) -> dict:
    from tremplin.review_meetings.factories import ReviewDecisionFactory, ReviewItemFactory, ReviewMeetingFactory

    users = world["users"]
    meeting = ReviewMeetingFactory(
        structure=world["structure"], participants=[users[Role.COUNSELLOR], users[Role.SUPERVISOR]]
    )
    item = ReviewItemFactory(meeting=meeting, pathway=world["objects"]["pathways"])
    ReviewDecisionFactory(item=item)
    return {
        "review_meetings": meeting,
        "review_meetings:decide": item,
        "review_meetings:remove": item,
        "review_meetings:invite": item,
    }
