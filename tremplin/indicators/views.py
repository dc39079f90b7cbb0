"""The structure's indicators for a period and programme, and the people behind one figure."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tremplin.accounts.access import require_membership, saw_people
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.barriers.models import Barrier
from tremplin.exits.models import Exit
from tremplin.pathways.models import Pathway
from tremplin.programmes.models import Programme

from . import services
from .forms import PeriodForm
from .presentation import build_sections, label_of

# Figures whose list would tell the exit or the barrier: the list keeps only those the reader's levels read.
EXIT_KINDS = ("exits", "category", "length", "follow_up")


def _form(request: HttpRequest, structure) -> PeriodForm:
    programmes = list(Programme.objects.filter(structure=structure).order_by("name"))
    return PeriodForm(request.GET or None, programmes=programmes, default=services.default_period())


@require_GET
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
def page(request: HttpRequest) -> HttpResponse:
    """Counts only: the names are one click further, on the people page, which logs the read."""
    membership = request.membership
    structure = membership.structure
    form = _form(request, structure)
    result = services.compute(structure, form.period(), form.chosen_programme())
    sections = build_sections(result, query=form.query(), links=membership.can(Capability.VIEW_ALL_PEOPLE))
    return render(
        request,
        "indicators/page.html",
        {"form": form, "result": result, "sections": sections, "structure": structure, "today": timezone.localdate()},
    )


def _visible_pathway_ids(key: str, pathway_ids: frozenset[int], membership) -> set[int]:
    kind = key.split(":", 1)[0]
    if kind in EXIT_KINDS or key.startswith("exits_") or key.startswith("length_"):
        return set(
            Exit.objects.filter(pathway_id__in=pathway_ids).visible_to(membership).values_list("pathway_id", flat=True)
        )
    if kind == "barrier":
        domain = key.split(":")[1]
        return set(
            Barrier.objects.filter(pathway_id__in=pathway_ids, domain=domain)
            .visible_to(membership)
            .values_list("pathway_id", flat=True)
        )
    return set(pathway_ids)


@require_GET
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
@reads_personal_data("indicator_people")
def people(request: HttpRequest) -> HttpResponse:
    """The pathways behind one figure (`?figure=`, people supported when none), at the reader's visibility
    levels; one access-log row per person shown."""
    membership = request.membership
    if not membership.can(Capability.VIEW_ALL_PEOPLE):
        raise PermissionDenied
    structure = membership.structure
    form = _form(request, structure)
    result = services.compute(structure, form.period(), form.chosen_programme())
    figure = request.GET.get("figure") or "supported"
    chosen = result.get(figure)
    if chosen is None:
        raise Http404
    visible = _visible_pathway_ids(figure, chosen.pathway_ids, membership)
    pathways = list(
        Pathway.objects.filter(pk__in=visible, structure=structure)
        .select_related("person", "programme")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    saw_people(request, [p.person for p in pathways])
    return render(
        request,
        "indicators/people.html",
        {
            "form": form,
            "result": result,
            "figure": chosen,
            "label": label_of(figure, result),
            "pathways": pathways,
            "hidden": len(chosen.pathway_ids) - len(pathways),
            "query": form.query(),
        },
    )
