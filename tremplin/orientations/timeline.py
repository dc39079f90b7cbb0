"""Orientations on the pathway's timeline: one event per step, holding codes, dates and the partner's name."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext

from tremplin.timeline.builders import make_event
from tremplin.timeline.models import EventKind

from .models import OrientationStatus


def _at(step) -> datetime.datetime:
    recorded = step.created_at
    if recorded is not None and timezone.localdate(recorded) == step.on:
        return recorded
    return timezone.make_aware(datetime.datetime.combine(step.on, datetime.time(12, 0)))


def visibility_of(orientation) -> str:
    """The orientation's stored level (core/derived_visibility.py): its barrier's, its action's, its partner's."""
    return orientation.visibility


def step_events(step) -> list:
    orientation = step.orientation
    return [
        make_event(
            step,
            orientation.pathway,
            kind=EventKind.ORIENTATION,
            at=_at(step),
            data={
                "from": step.from_status,
                "to": step.to_status,
                "partner": orientation.organisation.name,
                "orientation": str(orientation.public_id),
                "by": str(step.by) if step.by is not None else "",
                "by_partner": "1" if step.by_partner else "",
            },
            visibility=visibility_of(orientation),
        )
    ]


def describe(variant: str, data: dict) -> str:
    try:
        to = str(OrientationStatus(data.get("to")).label)
    except ValueError:
        to = str(data.get("to") or "")
    partner = data.get("partner", "")
    if data.get("to") == OrientationStatus.PROPOSED:
        return gettext("Orientation proposée vers %(partner)s") % {"partner": partner}
    if data.get("by_partner"):
        return gettext("Orientation vers %(partner)s : %(status)s (noté par le partenaire)") % {
            "partner": partner,
            "status": to,
        }
    return gettext("Orientation vers %(partner)s : %(status)s") % {"partner": partner, "status": to}
