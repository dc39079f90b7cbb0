"""The action plan page and its edit forms.

The social staff (EDIT_PEOPLE) write; whoever reads the whole team's records
(job coach, administration, data protection officer) reads; a technical
supervisor gets 403 on a person of their team, 404 on anyone else.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_pathway_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.barriers.models import Barrier
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import Visibility, visibilities_for
from tremplin.pathways.access import pathway_membership_or_404, pathway_or_404
from tremplin.pathways.models import Pathway

from . import services
from .forms import ActionForm, ObjectiveForm, PlanSettingsForm, ReviewForm
from .models import SECTION_HELP, Action, ActionPlan, Objective, Section

PATHWAY_RELATED = ("person", "programme", "structure")


def _plan_url(pathway: Pathway) -> str:
    return reverse("action_plan:plan", args=[pathway.public_id])


@login_required
@reads_personal_data("action_plan")
def plan(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    # The plan comes with the pathway (one query): the page's query count stays the same whatever the plan holds.
    pathway, membership = pathway_membership_or_404(
        request, pathway_id, Capability.VIEW_ALL_PEOPLE, related=(*PATHWAY_RELATED, "action_plan")
    )
    action_plan = getattr(pathway, "action_plan", None)
    objectives: list[Objective] = []
    loose_actions: dict[str, list[Action]] = {}
    reviews = []
    overdue = 0
    readable = visibilities_for(membership)
    if action_plan is not None:
        # Objectives and actions carry the level of what they derive from (docs/decisions/0008): what the
        # reader may not see is left out entirely, not even counted.
        objectives = list(
            action_plan.objectives.visible_to(membership)
            .select_related("target_job")
            .prefetch_related(Prefetch("barriers", queryset=Barrier.objects.order_by("domain", "identified_on", "id")))
        )
        actions = list(action_plan.actions.visible_to(membership).select_related("owner_user", "owner_partner"))
        reviews = list(action_plan.reviews.select_related("reviewed_by"))
        by_objective: dict[int, list[Action]] = {}
        for action in actions:
            if action.objective_id:
                by_objective.setdefault(action.objective_id, []).append(action)
            else:
                loose_actions.setdefault(action.section, []).append(action)
            overdue += action.is_overdue
        for objective in objectives:
            objective.grouped = _by_section(by_objective.get(objective.pk, []))
            linked = list(objective.barriers.all())
            objective.shown_barriers = [b for b in linked if b.visibility in readable]
            objective.barrier_hidden = len(objective.shown_barriers) < len(linked)
    contract_end = services.current_contract_end(pathway)
    return render(
        request,
        "action_plan/plan.html",
        {
            "pathway": pathway,
            "plan": action_plan,
            "objectives": objectives,
            "loose_sections": _by_section(loose_actions),
            "reviews": reviews,
            "overdue": overdue,
            "contract_end": contract_end,
            "today": timezone.localdate(),
            "can_edit": membership.can(Capability.EDIT_PEOPLE),
            "sees_social": Visibility.SOCIAL_STAFF_ONLY in readable,
        },
    )


def _by_section(actions) -> list[dict]:
    """Actions grouped in the template's sections, in the sections' order; empty sections left out."""
    if isinstance(actions, dict):
        grouped = actions
    else:
        grouped = {}
        for action in actions:
            grouped.setdefault(action.section, []).append(action)
    return [
        {"value": section.value, "label": section.label, "help": SECTION_HELP[section], "actions": grouped[section]}
        for section in Section
        if grouped.get(section)
    ]


@login_required
@reads_personal_data("action_plan")
def plan_settings(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway = pathway_or_404(request, pathway_id, Capability.EDIT_PEOPLE)
    instance = ActionPlan.objects.filter(pathway=pathway).first() or ActionPlan(pathway=pathway)
    if request.method == "POST":
        form = PlanSettingsForm(request.POST, instance=instance)
        if form.is_valid() and form.save_unless_changed() is not None:
            messages.success(request, _("Fréquence du suivi et date d'accord enregistrées."))
            return redirect(_plan_url(pathway))
    else:
        form = PlanSettingsForm(instance=instance)
    return render(request, "action_plan/settings.html", {"form": form, "pathway": pathway})


@login_required
def objective_create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(request, pathway_id, Capability.EDIT_PEOPLE)
    readable = visibilities_for(membership)
    action_plan = ActionPlan.objects.filter(pathway=pathway).first()
    if request.method == "POST":
        form = ObjectiveForm(request.POST, pathway=pathway, readable=readable, plan=action_plan)
        if form.is_valid():
            fields = {k: form.cleaned_data.get(k) for k in ("barriers", "target_job", "target_date")}
            try:
                services.add_objective(
                    pathway=pathway,
                    text=form.cleaned_data["text"],
                    success_indicator=form.cleaned_data.get("success_indicator", ""),
                    by=request.user,
                    **fields,
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("Objectif ajouté au plan."))
                return redirect(_plan_url(pathway))
    else:
        form = ObjectiveForm(pathway=pathway, readable=readable, plan=action_plan)
    return render(request, "action_plan/objective_form.html", {"form": form, "pathway": pathway, "objective": None})


@login_required
@reads_personal_data("action_plan")
def objective_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    objective = get_object_or_404(
        Objective.objects.select_related(*(f"plan__pathway__{name}" for name in PATHWAY_RELATED)),
        public_id=public_id,
    )
    pathway = objective.plan.pathway
    membership = check_pathway_access(request, pathway, Capability.EDIT_PEOPLE, record=objective)
    readable = visibilities_for(membership)
    if objective.visibility not in readable:
        raise Http404
    if request.method == "POST":
        form = ObjectiveForm(request.POST, instance=objective, pathway=pathway, readable=readable, plan=objective.plan)
        if form.is_valid() and form.save_unless_changed() is not None:
            messages.success(request, _("Objectif enregistré."))
            return redirect(_plan_url(pathway))
    else:
        form = ObjectiveForm(instance=objective, pathway=pathway, readable=readable, plan=objective.plan)
    return render(
        request, "action_plan/objective_form.html", {"form": form, "pathway": pathway, "objective": objective}
    )


def _warn_about_due_date(request: HttpRequest, pathway: Pathway, action: Action) -> None:
    warning = services.due_date_warning(pathway, action.due_date)
    if warning:
        messages.warning(request, warning)


@login_required
def action_create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(request, pathway_id, Capability.EDIT_PEOPLE)
    readable = visibilities_for(membership)
    initial = {}
    wanted = request.GET.get("objective", "")
    if wanted:
        try:
            objective = Objective.objects.filter(plan__pathway=pathway, public_id=uuid.UUID(wanted)).first()
        except ValueError:
            objective = None
        if objective is not None:
            initial = {"objective": objective.pk}
    if request.method == "POST":
        form = ActionForm(request.POST, pathway=pathway, readable=readable)
        if form.is_valid():
            data = form.cleaned_data
            try:
                action = services.add_action(
                    pathway=pathway,
                    section=data["section"],
                    title=data["title"],
                    kind=data.get("kind", ""),
                    objective=data.get("objective"),
                    owner_kind=data["owner_kind"],
                    owner_user=data.get("owner_user"),
                    owner_partner_name=data.get("owner_partner_name", ""),
                    owner_partner=data.get("owner_partner"),
                    orientation=data.get("orientation"),
                    due_date=data.get("due_date"),
                    by=request.user,
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("Action « %(title)s » ajoutée au plan.") % {"title": action.title})
                _warn_about_due_date(request, pathway, action)
                return redirect(_plan_url(pathway))
    else:
        form = ActionForm(pathway=pathway, readable=readable, initial=initial)
    return render(request, "action_plan/action_form.html", {"form": form, "pathway": pathway, "action": None})


@login_required
@reads_personal_data("action_plan")
def action_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.select_related(*(f"plan__pathway__{name}" for name in PATHWAY_RELATED)),
        public_id=public_id,
    )
    pathway = action.plan.pathway
    membership = check_pathway_access(request, pathway, Capability.EDIT_PEOPLE, record=action)
    readable = visibilities_for(membership)
    if action.visibility not in readable:
        raise Http404
    if request.method == "POST":
        form = ActionForm(request.POST, instance=action, pathway=pathway, readable=readable)
        if form.is_valid() and (saved := form.save_unless_changed()) is not None:
            messages.success(request, _("Action « %(title)s » enregistrée.") % {"title": saved.title})
            _warn_about_due_date(request, pathway, saved)
            return redirect(_plan_url(pathway))
    else:
        form = ActionForm(instance=action, pathway=pathway, readable=readable)
    return render(request, "action_plan/action_form.html", {"form": form, "pathway": pathway, "action": action})


@require_POST
@login_required
def action_move(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Moves an action one place up or down in the order agreed with the person."""
    action = get_object_or_404(Action.objects.select_related("plan__pathway__structure"), public_id=public_id)
    pathway = action.plan.pathway
    membership = check_pathway_access(request, pathway, Capability.EDIT_PEOPLE)
    readable = visibilities_for(membership)
    if action.visibility not in readable:
        raise Http404
    try:
        moved = services.move_action(action, request.POST.get("direction", ""), readable)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if moved:
            messages.success(request, _("Ordre des actions enregistré."))
    return redirect(f"{_plan_url(pathway)}#action-{action.public_id}")


@login_required
@reads_personal_data("action_plan")
def review(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway = pathway_or_404(request, pathway_id, Capability.EDIT_PEOPLE)
    if request.method == "POST":
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                services.record_review(
                    pathway=pathway,
                    reviewed_on=form.cleaned_data["reviewed_on"],
                    summary=form.cleaned_data.get("summary", ""),
                    next_review_on=form.cleaned_data.get("next_review_on"),
                    by=request.user,
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("Revue du plan enregistrée."))
                return redirect(_plan_url(pathway))
    else:
        form = ReviewForm()
    action_plan = ActionPlan.objects.filter(pathway=pathway).first()
    last = action_plan.reviews.order_by("-created_at", "-id").first() if action_plan else None
    pending = services.changes_since(action_plan, last.created_at if last else None) if action_plan else []
    return render(
        request, "action_plan/review_form.html", {"form": form, "pathway": pathway, "pending": pending, "last": last}
    )
