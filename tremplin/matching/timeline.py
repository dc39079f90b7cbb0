"""Offers sent on the person's timeline: kind APPLICATION, variant "offer_sent" (the applications app
writes the next steps of the same kind). Event data: the job code, the employer's name, the date,
the staff member — nothing about the person."""

from django.utils.translation import gettext

from tremplin.core.visibility import Visibility
from tremplin.timeline.builders import _at, _iso, _staff, make_event
from tremplin.timeline.models import EventKind, _day

OFFER_SENT = "offer_sent"


def sent_offer_events(sent) -> list:
    return [
        make_event(
            sent,
            sent.pathway,
            kind=EventKind.APPLICATION,
            variant=OFFER_SENT,
            at=_at(sent.sent_on, sent.created_at),
            data={
                "job": sent.offer.job_code,
                "employer": sent.offer.company.name,
                "on": _iso(sent.sent_on),
                "by": _staff(sent.sent_by),
            },
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def describe_offer_sent(data: dict) -> str:
    return gettext("Offre d'emploi envoyée le %(day)s : métier %(job)s chez %(employer)s") % {
        "day": _day(data.get("on")),
        "job": data.get("job", ""),
        "employer": data.get("employer", ""),
    }


def describe_application(previous):
    """The sentence of APPLICATION events: ours for offers sent, the previous describer for the rest."""

    def describe(variant: str, data: dict) -> str:
        if variant == OFFER_SENT:
            return describe_offer_sent(data)
        if previous is not None:
            return previous(variant, data)
        return str(EventKind.APPLICATION.label)

    describe.offer_sent = describe_offer_sent
    return describe
