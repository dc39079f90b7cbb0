"""Applications on the pathway's timeline: one event per step, holding codes and dates only."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext

from tremplin.core.visibility import Visibility
from tremplin.timeline.builders import make_event
from tremplin.timeline.models import EventKind

from .models import ApplicationStatus, Channel


def _at(step) -> datetime.datetime:
    recorded = step.recorded_at
    if recorded is not None and timezone.localdate(recorded) == step.on:
        return recorded
    return timezone.make_aware(datetime.datetime.combine(step.on, datetime.time(12, 0)))


def step_events(step) -> list:
    application = step.application
    return [
        make_event(
            step,
            application.pathway,
            kind=EventKind.APPLICATION,
            at=_at(step),
            data={
                "from": step.from_status,
                "to": step.to_status,
                "channel": application.channel,
                "job_code": application.job_code,
                "by": str(step.by) if step.by is not None else "",
            },
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def describer(previous):
    """Our sentence for application steps (variant ""); other variants of the kind (the matching app's
    "offer_sent") keep the describer registered before ours."""

    def describe_any(variant: str, data: dict) -> str:
        if variant and previous is not None:
            return previous(variant, data)
        return describe(variant, data)

    return describe_any


def describe(variant: str, data: dict) -> str:
    to = _label(ApplicationStatus, data.get("to"))
    if data.get("from"):
        return gettext("Candidature : %(from)s → %(to)s") % {"from": _label(ApplicationStatus, data["from"]), "to": to}
    return gettext("Candidature enregistrée (%(channel)s) : %(to)s") % {
        "channel": _label(Channel, data.get("channel")),
        "to": to,
    }
