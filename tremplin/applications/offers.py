"""The bridge to the offers the structure sent to a person (matching.SentOffer), when that app provides them.

Kept apart so the applications work alone: without the matching app's model, an application is
recorded by hand and nothing here is called with a result.
"""

from __future__ import annotations

import uuid


def _sent_offer_model():
    try:
        from tremplin.matching.models import SentOffer
    except ImportError:
        return None
    return SentOffer


def sent_offer_for(pathway, raw_id):
    """The offer sent to this pathway's person with this public id, or None (unknown, another person's,
    another structure's, or no matching app)."""
    model = _sent_offer_model()
    if model is None or not raw_id:
        return None
    try:
        public_id = uuid.UUID(str(raw_id))
    except ValueError:
        return None
    return _find(model, pathway, public_id)


def _find(model, pathway, public_id):
    field_names = {field.name for field in model._meta.get_fields()}
    queryset = model.objects.filter(public_id=public_id)
    if "pathway" in field_names:
        queryset = queryset.filter(pathway=pathway)
    elif "person" in field_names:
        queryset = queryset.filter(person=pathway.person_id)
    else:
        return None
    return queryset.select_related(*[name for name in ("offer",) if name in field_names]).first()


def sent_offer_key(sent) -> uuid.UUID | None:
    return getattr(sent, "public_id", None) if sent is not None else None


def initial_from(sent) -> dict:
    """The application form's first values from the sent offer: employer, job, channel."""
    from .models import ApplicationStatus, Channel

    offer = getattr(sent, "offer", None) or sent
    employer = getattr(offer, "company", None)
    employer_name = getattr(employer, "name", "") or getattr(offer, "employer_name", "") or ""
    return {
        "employer_name": employer_name,
        "job_title": getattr(offer, "job_title", "") or getattr(offer, "title", "") or "",
        "job_code": getattr(offer, "job_code", "") or "",
        "channel": Channel.SENT_OFFER,
        "status": ApplicationStatus.TO_APPLY,
    }
