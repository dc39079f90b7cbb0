"""Immersions on the pathway's timeline: the period itself, then its evaluation. Codes and dates only."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tremplin.core.visibility import Visibility
from tremplin.timeline.builders import make_event
from tremplin.timeline.models import EventKind

from .models import Conclusion, Objective


def _noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def immersion_events(immersion) -> list:
    return [
        make_event(
            immersion,
            immersion.pathway,
            kind=EventKind.IMMERSION,
            variant="period",
            at=_noon(immersion.starts_on),
            data={
                "objective": immersion.objective,
                "job_code": immersion.job_code,
                "start": immersion.starts_on.isoformat(),
                "end": immersion.ends_on.isoformat(),
            },
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def evaluation_events(evaluation) -> list:
    return [
        make_event(
            evaluation,
            evaluation.immersion.pathway,
            kind=EventKind.IMMERSION,
            variant="evaluated",
            at=_noon(evaluation.evaluated_on),
            data={
                "conclusion": evaluation.conclusion,
                "by": str(evaluation.evaluated_by) if evaluation.evaluated_by else "",
            },
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _day(value) -> str:
    try:
        return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    except (TypeError, ValueError):
        return ""


def describe(variant: str, data: dict) -> str:
    if variant == "evaluated":
        return gettext("Bilan d'immersion : %(conclusion)s") % {
            "conclusion": _label(Conclusion, data.get("conclusion"))
        }
    return gettext("Immersion en entreprise du %(start)s au %(end)s (%(objective)s)") % {
        "start": _day(data.get("start")),
        "end": _day(data.get("end")),
        "objective": _label(Objective, data.get("objective")),
    }
