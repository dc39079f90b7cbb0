"""The welcome checklist of a person in contract, and the structure's list of welcome steps.

Reading never writes: a structure without templates sees the defaults as a preview,
a pathway without a checklist sees what it will contain, until a member starts it (POST).
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_object_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.pathways.access import pathway_membership_or_404

from . import services
from .forms import StepDoneForm, TemplateForm
from .models import SUPERVISOR_DOERS, WelcomeStep, WelcomeStepTemplate


def _may_tick(membership, step: WelcomeStep) -> bool:
    """Social staff tick every step; a supervisor who sees the person ticks the steps done on the worksite."""
    if membership.can(Capability.EDIT_PEOPLE):
        return True
    return membership.can(Capability.VIEW_TEAM_PEOPLE) and step.doer in SUPERVISOR_DOERS


def _may_start(membership) -> bool:
    return membership.can(Capability.EDIT_PEOPLE) or membership.can(Capability.VIEW_TEAM_PEOPLE)


@login_required
@reads_personal_data("welcome")
def checklist(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(
        request, pathway_id, Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE, Capability.EDIT_PEOPLE
    )
    if request.method == "POST":
        return _checklist_post(request, membership, pathway)
    return _render_checklist(request, membership, pathway)


def _render_checklist(request, membership, pathway, *, error_step=None, error_form=None, status: int = 200):
    today = timezone.localdate()
    start = services.first_contract_start(pathway)
    steps = list(pathway.welcome_steps.select_related("done_by"))
    started = bool(steps)
    if not started and start is not None:
        preview, _stored = services.templates_for(pathway.structure)
        steps = [
            WelcomeStep(title=t.title, description=t.description, due_in_days=t.due_in_days, doer=t.doer)
            for t in preview
            if t.is_active
        ]
    rows = []
    for step in steps:
        form = error_form if error_step is not None and step.pk == error_step.pk else None
        rows.append(
            {
                "step": step,
                "due": step.due_date(start),
                "late": step.is_late(start, today),
                "may_tick": started and _may_tick(membership, step),
                "form": form or StepDoneForm(prefix=str(step.public_id)),
            }
        )
    summary = services.summarise(steps if started else [], start, today)
    return render(
        request,
        "welcome/checklist.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "start": start,
            "rows": rows,
            "started": started,
            "summary": summary,
            "may_start": _may_start(membership) and start is not None,
        },
        status=status,
    )


def _checklist_post(request, membership, pathway) -> HttpResponse:
    action = request.POST.get("action")
    if action == "start":
        if not _may_start(membership):
            raise PermissionDenied
        try:
            services.start_checklist(pathway)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("La liste d'accueil est ouverte."))
        return redirect("welcome:checklist", pathway_id=pathway.public_id)
    if action not in ("done", "undo"):
        raise Http404
    try:
        step_id = uuid.UUID(request.POST.get("step", ""))
    except ValueError:
        raise Http404 from None
    step = get_object_or_404(WelcomeStep, pathway=pathway, public_id=step_id)
    if not _may_tick(membership, step):
        raise PermissionDenied
    if action == "undo":
        services.mark_not_done(step)
        messages.success(request, _("Étape « %(title)s » remise à faire.") % {"title": step.title})
        return redirect("welcome:checklist", pathway_id=pathway.public_id)
    form = StepDoneForm(request.POST, prefix=str(step.public_id))
    if form.is_valid():
        try:
            services.mark_done(
                step, done_on=form.cleaned_data["done_on"], by=request.user, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Étape « %(title)s » notée comme faite.") % {"title": step.title})
            return redirect("welcome:checklist", pathway_id=pathway.public_id)
    return _render_checklist(request, membership, pathway, error_step=step, error_form=form)


def _template_for(request: HttpRequest, public_id: uuid.UUID) -> WelcomeStepTemplate:
    template = get_object_or_404(WelcomeStepTemplate.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, template.structure, Capability.MANAGE_STRUCTURE)
    return template


@require_membership(Capability.MANAGE_STRUCTURE)
def templates(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = TemplateForm(prefix="new")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "defaults":
            services.ensure_templates(structure)
            messages.success(request, _("Les étapes par défaut sont enregistrées pour la structure."))
            return redirect("welcome:templates")
        if action == "add":
            form = TemplateForm(request.POST, prefix="new")
            if form.is_valid():
                template = services.add_template(structure, **form.cleaned_data)
                messages.success(request, _("Étape « %(title)s » ajoutée.") % {"title": template.title})
                return redirect("welcome:templates")
        else:
            raise Http404
    steps, stored = services.templates_for(structure)
    return render(request, "welcome/templates.html", {"steps": steps, "stored": stored, "form": form})


@login_required
def template_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    template = _template_for(request, public_id)
    if request.method == "POST":
        form = TemplateForm(request.POST, instance=template)
        if form.is_valid():
            form.save()
            messages.success(request, _("Étape « %(title)s » enregistrée.") % {"title": template.title})
            return redirect("welcome:templates")
    else:
        form = TemplateForm(instance=template)
    return render(request, "welcome/template_edit.html", {"form": form, "template": template})


@require_POST
@login_required
def template_move(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    template = _template_for(request, public_id)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        raise Http404
    services.move_template(template, direction)
    return redirect("welcome:templates")
