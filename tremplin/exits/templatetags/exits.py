"""The exit card of the person page reads every pathway's exit in one query (and one for the follow-ups)."""

from django import template
from django.db.models import Prefetch

from tremplin.core.visibility import visibilities_for
from tremplin.pathways.models import Status

from ..models import Exit, FollowUp
from ..services import EXIT_FROM, next_follow_up

register = template.Library()

_LOADED = "_exit_loaded"
# A closed pathway may still get its exit recorded (from its exit page), but the card does not offer it.
OFFER_EXIT_FROM = (Status.IN_CONTRACT, Status.EXITED, Status.FOLLOW_UP)


def _load(pathways, visibilities) -> None:
    waiting = [p for p in pathways if not hasattr(p, _LOADED)]
    wanted = [p.pk for p in waiting if p.status in EXIT_FROM]
    found = {}
    if wanted:
        exits = Exit.objects.filter(pathway_id__in=wanted).prefetch_related(
            Prefetch("follow_ups", queryset=FollowUp.objects.order_by("due_on", "id"))
        )
        found = {e.pathway_id: e for e in exits}
    for pathway in waiting:
        exit_record = found.get(pathway.pk)
        pathway.exit_hidden = exit_record is not None and exit_record.visibility not in visibilities
        if exit_record is not None and not pathway.exit_hidden:
            exit_record.pathway = pathway
            exit_record.next_follow_up = next_follow_up(exit_record, list(exit_record.follow_ups.all()))
            setattr(pathway, _LOADED, exit_record)
        else:
            setattr(pathway, _LOADED, None)


@register.simple_tag(takes_context=True)
def pathway_exit(context, pathway):
    """The pathway's exit the reader may see, or None; loads the exits of the page's other pathways at once."""
    if not hasattr(pathway, _LOADED):
        membership = context.get("membership")
        visibilities = visibilities_for(membership) if membership is not None else set()
        siblings = list(context.get("pathways") or [])
        if not any(p is pathway for p in siblings):
            siblings.append(pathway)
        _load(siblings, visibilities)
    return getattr(pathway, _LOADED)


@register.filter
def awaits_exit(pathway) -> bool:
    """A pathway whose exit may be recorded now: out of or leaving a contract, no exit yet."""
    return (
        pathway.status in OFFER_EXIT_FROM
        and getattr(pathway, _LOADED, None) is None
        and not getattr(pathway, "exit_hidden", False)
    )
