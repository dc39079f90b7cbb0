"""Suggesting toolbox entries for a person's barriers, and turning one into a plan action."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import ToolboxEntry


def suggestions_for(structure, barriers) -> dict[int, list[ToolboxEntry]]:
    """Entries (built-in and the structure's own) relevant to each barrier, by barrier pk. One query."""
    barriers = list(barriers)
    if not barriers:
        return {}
    entries = list(ToolboxEntry.objects.for_structure(structure).select_related("partner"))
    entries.sort(key=lambda e: (e.structure_id is None, e.title.lower()))  # the structure's own first
    return {b.pk: [e for e in entries if b.domain in (e.domains or [])] for b in barriers}


def entry_to_action(entry: ToolboxEntry, barrier, *, by):
    """Adds the entry as an action in the person's plan, under the barrier's objective if there is one.
    An entry with a partner of the directory attached gives the action to that partner (decision 0013)."""
    if entry.structure_id is not None and entry.structure_id != barrier.pathway.structure_id:
        raise ValidationError(_("Cette fiche n'appartient pas à la structure de la personne."))
    from tremplin.action_plan.models import OwnerKind
    from tremplin.action_plan.services import add_action

    objective = barrier.objectives.filter(plan__pathway_id=barrier.pathway_id).order_by("created_at", "id").first()
    carrier = {"owner_kind": OwnerKind.PARTNER, "owner_partner": entry.partner} if entry.partner_id else {}
    return add_action(
        pathway=barrier.pathway,
        section=entry.section,
        title=entry.title[:200],
        kind=entry.kind,
        objective=objective,
        by=by,
        **carrier,
    )
