"""From an offer the structure sent to a person (matching.SentOffer) to the application that answers it."""

from __future__ import annotations

import uuid

from tremplin.matching.models import SentOffer


def sent_offer_for(pathway, raw_id) -> SentOffer | None:
    """The offer sent to this pathway with this public id, or None (unknown, another pathway's, malformed)."""
    if not raw_id:
        return None
    try:
        public_id = uuid.UUID(str(raw_id))
    except ValueError:
        return None
    return SentOffer.objects.filter(public_id=public_id, pathway=pathway).select_related("offer__company").first()


def initial_from(sent: SentOffer) -> dict:
    """The application form's first values from the sent offer: employer, job, channel."""
    from .models import ApplicationStatus, Channel

    offer = sent.offer
    return {
        "company": offer.company_id,
        "employer_name": offer.company.name,
        "job_title": offer.title,
        "job_code": offer.job_code,
        "channel": Channel.SENT_OFFER,
        "status": ApplicationStatus.TO_APPLY,
    }
