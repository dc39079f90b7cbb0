"""Every page that shows a person's data writes an access-log row naming that person; the others write none.

The URLs, their allowed roles and the world come from the permission matrix, so a new personal page is
checked as soon as it exists: if its view is not declared with `@reads_personal_data` (tremplin/audit/reads.py)
the GET by an allowed role writes no row and this test names it.

A URL shows a person's data when the matrix marks it personal (`namespace_is_personal`: its app's
`tests/matrix.py` `PERSONAL`, minus its `STRUCTURE_URLS`), plus SHOWS_A_PERSON below (pages a partner reads,
which the matrix does not mark personal because a partner gets 403 there, not 404), minus NOT_A_READ
(personal URLs whose GET shows no part of the file, each with its reason).
"""

import pytest

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry, Action

from .access_rules import OTHER_SUPERVISOR
from .test_permission_matrix import EXPECTED, URL_NAMES, build_structure, namespace_is_personal, url_for

READ_ACTIONS = (Action.READ, Action.EXPORT)

SHOWS_A_PERSON = {
    # What a partner reads of a pathway shared with their organisation.
    "partner_portal:pathway",
    "partner_portal:outcome",
    # A handover lists the people handed over, with what the next referent must know about each.
    "handover:detail",
    # The person's header card (référent, next appointment, alerts), loaded after each page about them.
    "dashboards:person_card",
    # A staff member's agenda: the people of the week's or the day's appointments.
    "calendars:week",
    "calendars:day",
    # The people behind a figure of the indicators (a page about the structure, listing the people it counts).
    "indicators:people",
}

BLANK_FORM = "a form for something new: the person's name above it, no part of their file"
NAMES_ONLY = "a list across people: names, not files (decision 0004)"
NOT_ABOUT_A_PERSON = "the form of a meeting or a workshop: date, place, staff"

NOT_A_READ = {
    "people:create": BLANK_FORM,
    "pathways:open": BLANK_FORM,
    "documents:upload": BLANK_FORM,
    "eligibility:create": BLANK_FORM,
    "contracts:create": BLANK_FORM,
    "action_plan:objective_create": BLANK_FORM,
    "action_plan:action_create": BLANK_FORM,
    "applications:create": BLANK_FORM,
    "immersions:create": BLANK_FORM,
    "interviews:create": BLANK_FORM,
    "interviews:intake": BLANK_FORM,
    "interviews:record_held": BLANK_FORM,
    "orientations:create": BLANK_FORM,
    "orientations:share_create": BLANK_FORM,
    "review_meetings:decide": BLANK_FORM,
    "people:list": NAMES_ONLY,
    # Without a person chosen; once chosen, the next screens log the read.
    "observations:quick": NAMES_ONLY,
    "observations:mine": NAMES_ONLY,
    "observations:inbox": NAMES_ONLY,
    "observations:attendance": NAMES_ONLY,
    "review_meetings:pick": NAMES_ONLY,
    "workshops:invite": NAMES_ONLY,
    "workshops:attendance": NAMES_ONLY,
    "review_meetings:edit": NOT_ABOUT_A_PERSON,
    "workshops:edit": NOT_ABOUT_A_PERSON,
}

# Who reads each page in this test: the first of these roles the page allows.
READERS_IN_ORDER = [
    Role.COUNSELLOR,
    Role.DIRECTOR,
    Role.CASE_MANAGER,
    Role.JOB_COACH,
    Role.SUPERVISOR,
    Role.DPO,
    Role.ADMIN,
    Role.PARTNER,
    OTHER_SUPERVISOR,
]


def shows_a_person(name: str) -> bool:
    if name in NOT_A_READ:
        return False
    return name in SHOWS_A_PERSON or namespace_is_personal(name)


def _readable_urls() -> list[str]:
    """URL names a role may GET (not public, not POST-only, not a sign-in step)."""
    return sorted(name for name, expect in EXPECTED.items() if isinstance(expect.allowed, frozenset))


def test_the_exceptions_name_existing_urls():
    stale = sorted((SHOWS_A_PERSON | set(NOT_A_READ)) - set(URL_NAMES))
    assert not stale, f"These URLs no longer exist: {stale}"


@pytest.mark.django_db
def test_every_page_showing_a_person_logs_the_read_and_no_other_page_does(client):
    world = build_structure("A")
    structure_people = {str(p.public_id) for p in world["structure"].people.all()}
    person_id = str(world["objects"]["people"].public_id)
    missing, unexpected, strangers = [], [], []
    for name in _readable_urls():
        if name not in URL_NAMES:
            continue  # reported by test_every_url_is_declared_in_the_matrix
        url = url_for(name, world)
        allowed = EXPECTED[name].allowed
        role = next(r for r in READERS_IN_ORDER if r in allowed)
        client.force_login(world["users"][role])
        last = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = client.get(url)
        client.logout()
        assert response.status_code == 200, f"{name} as {role}: {response.status_code}"
        named = set(
            AccessLogEntry.objects.filter(id__gt=last, action__in=READ_ACTIONS)
            .values_list("person_public_id", flat=True)
            .distinct()
        )
        named = {str(value) for value in named}
        if shows_a_person(name):
            if person_id not in named:
                missing.append(f"{name} ({url}) as {role}")
        elif named:
            unexpected.append(f"{name} ({url}) as {role}: {len(named)}")
        if named - structure_people:
            strangers.append(f"{name}: {sorted(named - structure_people)}")
    assert not missing, "These pages show a person's data but log no read of that person:\n" + "\n".join(missing)
    assert not unexpected, "These pages are not about one person but log reads:\n" + "\n".join(unexpected)
    assert not strangers, "These pages log reads of people outside the structure:\n" + "\n".join(strangers)
