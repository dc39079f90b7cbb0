"""Screens of the diagnosis of barriers: current diagnosis, one barrier's change, ranking, entry vs now.

Who: those who may see the person read the barriers their role may read (a technical
supervisor or job coach never reads a social-staff-only barrier); those who edit people's
files (EDIT_PEOPLE) record and change them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_pathway_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import visibilities_for
from tremplin.pathways.access import pathway_membership_or_404

from . import services
from .forms import BarrierForm, BarrierUpdateForm, RankingForm
from .models import Barrier, BarrierDomain


def _pathway(request: HttpRequest, pathway_id, *capabilities: str):
    return pathway_membership_or_404(
        request, pathway_id, *capabilities, related=("person__structure", "structure", "programme")
    )


def _suggestions(pathway, barriers) -> dict:
    """Toolbox entries per barrier pk (one query), for the editors' one-click actions."""
    try:
        from tremplin.toolbox.services import suggestions_for
    except ImportError:  # pragma: no cover - toolbox always installed
        return {}
    return suggestions_for(pathway.structure, barriers)


def _list_context(request, pathway, membership, *, form=None, ranking_form=None) -> dict:
    barriers = list(
        pathway.barriers.visible_to(membership)
        .prefetch_related("changes__by")
        .order_by("domain", "identified_on", "id")
    )
    can_edit = membership.can(Capability.EDIT_PEOPLE)
    domains = []
    for value, label in BarrierDomain.choices:
        in_domain = [b for b in barriers if b.domain == value]
        if in_domain:
            domains.append({"value": value, "label": label, "barriers": in_domain})
    active = [b for b in barriers if b.is_active]
    context = {
        "pathway": pathway,
        "person": pathway.person,
        "domains": domains,
        "barriers": barriers,
        "can_edit": can_edit,
    }
    if can_edit:
        context["form"] = form or BarrierForm()
        context["ranking_form"] = ranking_form or RankingForm(barriers=sorted(active, key=_rank_key))
        suggestions = _suggestions(pathway, active)
        for barrier in barriers:
            barrier.suggested = suggestions.get(barrier.pk, [])
    return context


def _rank_key(barrier):
    return (barrier.person_priority is None, barrier.person_priority or 0, barrier.domain, barrier.pk)


@login_required
@reads_personal_data("barriers")
def barrier_list(request: HttpRequest, pathway_id) -> HttpResponse:
    """The current diagnosis per domain with each barrier's history; editors add barriers here."""
    if request.method == "POST":
        pathway, membership = _pathway(request, pathway_id, Capability.EDIT_PEOPLE)
        form = BarrierForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                barrier = services.identify_barrier(
                    pathway=pathway,
                    domain=data["domain"],
                    description=data["description"].strip(),
                    severity=data["severity"],
                    on=data["identified_on"],
                    visibility=data["visibility"],
                    by=request.user,
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(
                    request, _("Frein « %(domain)s » ajouté au diagnostic.") % {"domain": barrier.get_domain_display()}
                )
                return redirect("barriers:list", pathway_id=pathway.public_id)
        return render(request, "barriers/barrier_list.html", _list_context(request, pathway, membership, form=form))
    pathway, membership = _pathway(request, pathway_id)
    return render(request, "barriers/barrier_list.html", _list_context(request, pathway, membership))


def _barrier_for_edit(request: HttpRequest, public_id, *, lock: bool = False) -> Barrier:
    queryset = Barrier.objects.select_related("pathway__person__structure", "pathway__structure")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    barrier = get_object_or_404(queryset, public_id=public_id)
    membership = check_pathway_access(request, barrier.pathway, record=barrier)
    if barrier.visibility not in visibilities_for(membership):
        raise Http404  # a barrier kept for the social staff does not exist for the others
    if not membership.can(Capability.EDIT_PEOPLE):
        raise PermissionDenied
    return barrier


@login_required
@reads_personal_data("barriers")
def barrier_edit(request: HttpRequest, public_id) -> HttpResponse:
    """Records a dated change of status and/or severity (update_barrier) with its note."""
    if request.method == "POST":
        with transaction.atomic():
            barrier = _barrier_for_edit(request, public_id, lock=True)
            form = BarrierUpdateForm(request.POST)
            if form.is_valid():
                data = form.cleaned_data
                seen = (data["seen_status"], data["seen_severity"])
                if seen != ("", "") and seen != (barrier.status, str(barrier.severity)):
                    form.add_error(
                        None,
                        _(
                            "Une ou un collègue a modifié ce frein pendant que vous le consultiez : il est maintenant "
                            "« %(status)s », niveau %(severity)s. Rien n'a été enregistré ; vérifiez et recommencez."
                        )
                        % {"status": barrier.get_status_display(), "severity": barrier.severity},
                    )
                    form.data = form.data.copy()
                    form.data["seen_status"] = barrier.status
                    form.data["seen_severity"] = str(barrier.severity)
                else:
                    try:
                        services.update_barrier(
                            barrier,
                            status=data["status"],
                            severity=data["severity"],
                            note=data["note"],
                            by=request.user,
                            on=data["on"],
                        )
                    except ValidationError as error:
                        add_validation_error(form, error)
                    else:
                        messages.success(
                            request,
                            _("Évolution du frein « %(domain)s » enregistrée.")
                            % {"domain": barrier.get_domain_display()},
                        )
                        return redirect("barriers:list", pathway_id=barrier.pathway.public_id)
    else:
        barrier = _barrier_for_edit(request, public_id)
        form = BarrierUpdateForm(
            initial={
                "status": barrier.status,
                "severity": barrier.severity,
                "seen_status": barrier.status,
                "seen_severity": str(barrier.severity),
            }
        )
    changes = list(barrier.changes.select_related("by"))
    return render(
        request,
        "barriers/barrier_edit.html",
        {"form": form, "barrier": barrier, "pathway": barrier.pathway, "changes": changes},
    )


@require_POST
@login_required
@reads_personal_data("barriers")
def barrier_rank(request: HttpRequest, pathway_id) -> HttpResponse:
    """Saves the person's ranking of their active barriers (1 = matters most to them)."""
    pathway, membership = _pathway(request, pathway_id, Capability.EDIT_PEOPLE)
    active = sorted(pathway.barriers.active(), key=_rank_key)
    form = RankingForm(request.POST, barriers=active)
    if form.is_valid():
        try:
            services.rank_barriers(pathway, form.ranking())
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Classement des freins par la personne enregistré."))
            return redirect("barriers:list", pathway_id=pathway.public_id)
    return render(request, "barriers/barrier_list.html", _list_context(request, pathway, membership, ranking_form=form))


@login_required
@reads_personal_data("barriers_review")
def barrier_review(request: HttpRequest, pathway_id) -> HttpResponse:
    """What was identified at entry and where each barrier stands now (lifted, persisting…)."""
    pathway, membership = _pathway(request, pathway_id)
    rows = services.entry_and_current(pathway, visibilities=visibilities_for(membership))
    return render(
        request,
        "barriers/barrier_review.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "rows": rows,
            "lifted_count": sum(1 for row in rows if row.was_lifted),
        },
    )
