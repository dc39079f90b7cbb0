"""Rules of handovers: who may receive people, what changes on each pathway, and the acknowledgement."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import User
from tremplin.accounts.roles import Responsibility
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway

from .models import Handover, HandoverItem, HandoverKind


def staff_holding(structure, responsibility: str) -> Iterable[User]:
    """Who may take over (roles.Responsibility): the same list as every other staff picker."""
    return User.objects.holding(responsibility, structure)


def pathways_of_referent(structure, user):
    return Pathway.objects.filter(structure=structure, referent=user, status__in=ACTIVE_STATUSES)


def pathways_of_worksite(structure, worksite):
    return Pathway.objects.filter(structure=structure, worksite=worksite, status__in=ACTIVE_STATUSES)


def hand_over(
    *,
    structure,
    kind: str,
    pathways: Iterable[Pathway],
    to_referent,
    by,
    note: str = "",
    notes: dict[int, str] | None = None,
    from_user=None,
    from_worksite=None,
    to_worksite=None,
    to_supervisor=None,
) -> Handover:
    """Gives the pathways to `to_referent` (and, for a change of worksite, moves them), keeping what they had.

    Every person needs a note, their own or the one for everybody: the new référent reads it first.
    """
    pathways = list(pathways)
    notes = {key: (value or "").strip() for key, value in (notes or {}).items()}
    note = (note or "").strip()
    errors: dict[str, list] = {}
    if kind not in HandoverKind.values:
        errors["kind"] = [_("Type de passation : choisissez un des types proposés.")]
    if not pathways:
        errors["pathways"] = [_("Personnes : cochez au moins une personne à confier.")]
    if any(p.structure_id != structure.pk or p.status not in ACTIVE_STATUSES for p in pathways):
        errors["pathways"] = [_("Personnes : une des personnes n'est pas suivie par votre structure.")]
    if to_referent is None or not staff_holding(structure, Responsibility.REFERENT).filter(pk=to_referent.pk).exists():
        errors["to_referent"] = [
            _("Nouveau·elle référent·e : choisissez une conseillère, un responsable des parcours ou la direction.")
        ]
    if kind == HandoverKind.WORKSITE:
        if to_worksite is None or to_worksite.structure_id != structure.pk or not to_worksite.is_active:
            errors["to_worksite"] = [_("Nouveau chantier : choisissez un chantier en activité de votre structure.")]
        elif from_worksite is not None and to_worksite.pk == from_worksite.pk:
            errors["to_worksite"] = [_("Nouveau chantier : il doit être différent de l'ancien.")]
    if (
        to_supervisor is not None
        and not staff_holding(structure, Responsibility.SUPERVISOR).filter(pk=to_supervisor.pk).exists()
    ):
        errors["to_supervisor"] = [
            _("Nouvel·le encadrant·e : choisissez un·e encadrant·e actif·ve de votre structure.")
        ]
    if kind == HandoverKind.REFERENT and to_referent is not None and pathways:
        if all(p.referent_id == to_referent.pk for p in pathways):
            errors["to_referent"] = [_("Nouveau·elle référent·e : ces personnes la ou le suivent déjà.")]
    if not note and pathways:
        missing = [p for p in pathways if not notes.get(p.pk)]
        if missing:
            errors["note"] = [
                _("Note de passation : écrivez une note pour tout le monde, ou une note pour %(name)s.")
                % {"name": missing[0].person}
            ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        handover = Handover.objects.create(
            structure=structure,
            kind=kind,
            from_user=from_user,
            from_worksite=from_worksite,
            to_referent=to_referent,
            to_worksite=to_worksite if kind == HandoverKind.WORKSITE else None,
            to_supervisor=to_supervisor,
            note=note,
            created_by=by,
        )
        for pathway in Pathway.objects.select_for_update().filter(pk__in=[p.pk for p in pathways]):
            HandoverItem.objects.create(
                handover=handover,
                pathway=pathway,
                previous_referent_id=pathway.referent_id,
                previous_worksite_id=pathway.worksite_id,
                previous_supervisor_id=pathway.supervisor_id,
                note=notes.get(pathway.pk, ""),
            )
            pathway.referent = to_referent
            fields = ["referent", "updated_at"]
            if kind == HandoverKind.WORKSITE:
                pathway.worksite = to_worksite
                fields.append("worksite")
            if to_supervisor is not None:
                pathway.supervisor = to_supervisor
                fields.append("supervisor")
            pathway.save(update_fields=fields)
    return handover


def acknowledge(handover: Handover, *, by) -> Handover:
    """The new référent says they read the handover; only they can."""
    if by.pk != handover.to_referent_id:
        raise ValidationError(_("Seule la personne qui reçoit la passation peut la marquer comme lue."))
    if handover.acknowledged_at is None:
        handover.acknowledged_at = timezone.now()
        handover.acknowledged_by = by
        handover.save(update_fields=["acknowledged_at", "acknowledged_by", "updated_at"])
    return handover
