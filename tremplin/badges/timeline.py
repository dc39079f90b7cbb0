"""Awards and revocations on the pathway's timeline (codes and staff names only, never the reason)."""

from django.utils.translation import gettext

from tremplin.core.visibility import Visibility
from tremplin.timeline.builders import make_event
from tremplin.timeline.models import EventKind


def award_events(award) -> list:
    events = [
        make_event(
            award,
            award.pathway,
            kind=EventKind.BADGE,
            variant="awarded",
            at=award.awarded_at,
            data={"badge": award.achievement.name, "by": str(award.awarded_by) if award.awarded_by_id else ""},
            visibility=Visibility.WHOLE_TEAM,
        )
    ]
    if award.revoked_at:
        events.append(
            make_event(
                award,
                award.pathway,
                kind=EventKind.BADGE,
                variant="revoked",
                at=award.revoked_at,
                data={"badge": award.achievement.name, "by": str(award.revoked_by) if award.revoked_by_id else ""},
                visibility=Visibility.WHOLE_TEAM,
            )
        )
    return events


def describe_badge(variant: str, data: dict) -> str:
    if variant == "revoked":
        return gettext("Badge révoqué : %(badge)s") % {"badge": data.get("badge", "")}
    return gettext("Badge attribué : %(badge)s") % {"badge": data.get("badge", "")}
