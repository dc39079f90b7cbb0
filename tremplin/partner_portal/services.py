"""What a partner reads: only the pathways shared with their organisation, only the items shared.

Every check goes through `orientations.services.active_shares` / `share_is_active`: no share, no
consent, or a closed pathway, and the pathway does not exist for the partner (404).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.roles import Capability
from tremplin.core.visibility import PARTNER_LEVELS, TEAM_LEVELS
from tremplin.orientations.models import AWAITING_NEWS, Orientation, Share, SharedItem
from tremplin.orientations.services import active_shares

from .models import PartnerAccount, PartnerNote


def account_for(membership) -> PartnerAccount | None:
    """The partner account of a membership of role « partenaire »; anyone else is refused (403)."""
    if membership is None or not membership.can(Capability.USE_PARTNER_PORTAL):
        raise PermissionDenied
    return PartnerAccount.objects.filter(membership=membership).select_related("organisation").first()


def shared_pathways(account: PartnerAccount | None):
    if account is None:
        return Share.objects.none()
    return (
        active_shares(account.organisation)
        .filter(pathway__structure_id=account.membership.structure_id)
        .select_related("pathway__person", "pathway__programme")
        .order_by("pathway__person__last_name", "pathway__person__first_name", "pk")
    )


def share_for(account: PartnerAccount | None, pathway) -> Share:
    """The active share of this pathway with the partner's organisation, or 404."""
    if account is None:
        raise Http404
    share = shared_pathways(account).filter(pathway=pathway).first()
    if share is None:
        raise Http404
    return share


@dataclass
class Summary:
    items: set[str]
    contracts: list = field(default_factory=list)
    target_jobs: list = field(default_factory=list)
    objectives: list = field(default_factory=list)
    next_interview: object | None = None
    appointments: list = field(default_factory=list)
    interviews: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    orientations: list = field(default_factory=list)


def summary(share: Share) -> Summary:
    """Only what the share's items open, and within notes and documents only those marked for partners."""
    from tremplin.action_plan.models import Objective
    from tremplin.contracts.models import Contract
    from tremplin.documents.models import Document
    from tremplin.interviews.models import Interview
    from tremplin.professional_project.models import TargetJob

    pathway = share.pathway
    items = set(share.items)
    result = Summary(items=items)
    if SharedItem.STATUS in items:
        result.contracts = list(Contract.objects.filter(pathway=pathway).order_by("-start_date")[:3])
    if SharedItem.PROJECT in items:
        result.target_jobs = list(TargetJob.objects.filter(pathway=pathway))
    if SharedItem.OBJECTIVES in items:
        # Only objectives shareable with partners: one linked to a barrier kept for the team or for the
        # social staff takes its level (docs/decisions/0008).
        result.objectives = list(Objective.objects.filter(plan__pathway=pathway).visible_to(PARTNER_LEVELS))
    if SharedItem.NEXT_APPOINTMENT in items:
        result.next_interview = (
            Interview.objects.filter(pathway=pathway, held_on__isnull=True, planned_at__gte=timezone.now())
            .visible_to(TEAM_LEVELS)  # the date only, as the team reads it
            .order_by("planned_at")
            .first()
        )
    if SharedItem.NOTES in items:
        result.interviews = list(
            Interview.objects.filter(pathway=pathway).visible_to(PARTNER_LEVELS).order_by("-planned_at")
        )
        result.documents = list(
            Document.objects.filter(pathway=pathway).visible_to(PARTNER_LEVELS).order_by("-uploaded_at")
        )
    result.notes = list(
        PartnerNote.objects.filter(pathway=pathway, organisation=share.organisation).select_related("author")
    )
    # The orientations sent to this partner: it is their addressee, whatever their level; never another's.
    result.orientations = list(
        Orientation.objects.filter(pathway=pathway, organisation=share.organisation).select_related("service")
    )
    result.appointments = [
        o for o in result.orientations if o.appointment_on and o.appointment_on >= timezone.localdate()
    ]
    return result


def add_note(*, share: Share, text: str, by) -> PartnerNote:
    if not (text or "").strip():
        raise ValidationError({"text": _("Note : écrivez le texte de la note.")})
    with transaction.atomic():
        return PartnerNote.objects.create(
            pathway=share.pathway, organisation=share.organisation, author=by, text=text.strip()
        )


def orientation_for(account: PartnerAccount | None, orientation: Orientation) -> Orientation:
    """An orientation sent to the partner's organisation, on a pathway still shared with it; else 404."""
    if account is None or orientation.organisation_id != account.organisation_id:
        raise Http404
    share_for(account, orientation.pathway)
    return orientation


def is_awaiting_partner(orientation: Orientation) -> bool:
    return orientation.status in AWAITING_NEWS
