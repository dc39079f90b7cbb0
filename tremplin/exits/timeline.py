"""The exit and the recorded follow-ups on the pathway's timeline (codes and dates only)."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tremplin.core.visibility import Visibility
from tremplin.programmes.rules import get_rules
from tremplin.programmes.rules.base import ExitGroup
from tremplin.timeline.builders import make_event
from tremplin.timeline.models import EventKind

from .models import Outcome


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def exit_events(exit_record) -> list:
    pathway = exit_record.pathway
    return [
        make_event(
            exit_record,
            pathway,
            kind=EventKind.EXIT,
            at=_at(exit_record.exit_on),
            data={
                "programme_kind": pathway.programme.kind if pathway.programme_id else "",
                "category": exit_record.category,
                "group": exit_record.group,
                "counted": exit_record.is_counted,
                "by": str(exit_record.recorded_by) if exit_record.recorded_by else "",
            },
            visibility=exit_record.visibility or Visibility.WHOLE_TEAM,
        )
    ]


def follow_up_events(follow_up) -> list:
    if not follow_up.outcome or follow_up.contacted_on is None:
        return []
    return [
        make_event(
            follow_up,
            follow_up.exit.pathway,
            kind=EventKind.FOLLOW_UP,
            at=_at(follow_up.contacted_on),
            data={
                "months": follow_up.months,
                "outcome": follow_up.outcome,
                "due": follow_up.due_on.isoformat(),
                "by": str(follow_up.recorded_by) if follow_up.recorded_by else "",
            },
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def describe_exit(variant: str, data: dict) -> str:
    category = data.get("category", "")
    label = category
    try:
        found = get_rules(data.get("programme_kind", "")).exit_category(category)
    except KeyError:
        found = None
    if found is not None:
        label = str(found.label)
    return gettext("Sortie : %(category)s (%(group)s)") % {
        "category": label,
        "group": _label(ExitGroup, data.get("group")),
    }


def describe_follow_up(variant: str, data: dict) -> str:
    text = gettext("Suivi à %(n)s mois après la sortie : %(outcome)s") % {
        "n": data.get("months", "?"),
        "outcome": _label(Outcome, data.get("outcome")),
    }
    if data.get("due"):
        try:
            due = date_format(datetime.date.fromisoformat(data["due"]), "SHORT_DATE_FORMAT")
        except ValueError:
            return text
        text += " " + gettext("(prévu le %(date)s)") % {"date": due}
    return text
