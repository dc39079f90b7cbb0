"""Orientations of a pathway, the "who does what" panel, shares with partners, and the structure's delay.

Whoever reads all the files reads them (a technical supervisor of the person's team gets 403: a partner's
kind says too much); the social staff (EDIT_PEOPLE) orient, move the steps and share.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_object_access, check_pathway_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.derived_visibility import hidden_partner_names
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import visibilities_for
from tremplin.partners.models import PartnerOrganisation, PartnerService, ServiceNeed
from tremplin.pathways.access import pathway_or_404
from tremplin.pathways.models import Pathway

from . import services
from .forms import FeedbackForm, OrientationForm, SettingsForm, ShareForm, StatusForm
from .models import Orientation, OrientationStatus, Share

PATHWAY_RELATED = ("person", "programme", "structure", "referent", "supervisor", "worksite")


def _orientation_for(request: HttpRequest, public_id: uuid.UUID, *capabilities: str) -> Orientation:
    orientation = get_object_or_404(
        Orientation.objects.select_related(
            *(f"pathway__{name}" for name in PATHWAY_RELATED), "service", "organisation", "barrier", "action"
        ),
        public_id=public_id,
    )
    membership = check_pathway_access(request, orientation.pathway, *capabilities, record=orientation)
    if orientation.visibility not in visibilities_for(membership):
        raise Http404  # as if it did not exist: even its partner's name says too much
    return orientation


@login_required
@reads_personal_data("orientations")
def pathway_orientations(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    """The pathway's "who does what" panel, its orientations, shares and the partners' notes."""
    pathway = pathway_or_404(request, pathway_id, Capability.VIEW_ALL_PEOPLE, related=PATHWAY_RELATED)
    membership = request.membership
    readable = visibilities_for(membership)
    # Orientations carry their level; shares and partners' notes are hidden with the consent naming their
    # partner (docs/decisions/0008): the reader learns nothing of a partner kept for the social staff.
    orientations = list(
        pathway.orientations.visible_to(membership).select_related("organisation", "service").order_by("-created_at")
    )
    hidden = hidden_partner_names(pathway.person, readable)
    shares = [
        share
        for share in pathway.partner_shares.current().select_related("organisation")
        if share.organisation.name.strip().lower() not in hidden
    ]
    for share in shares:
        share.active = services.share_is_active(share)
    notes = [
        note
        for note in pathway.partner_notes.select_related("organisation", "author")
        if note.organisation.name.strip().lower() not in hidden
    ]
    from tremplin.action_plan.models import OPEN_ACTION_STATUSES, Action
    from tremplin.barriers.models import Barrier

    barriers = list(Barrier.objects.filter(pathway=pathway).active().visible_to(membership))
    actions = list(Action.objects.filter(plan__pathway=pathway, status__in=OPEN_ACTION_STATUSES).visible_to(membership))
    return render(
        request,
        "orientations/pathway.html",
        {
            "pathway": pathway,
            "actors": services.who_does_what(pathway, readable),
            "orientations": orientations,
            "shares": shares,
            "notes": notes,
            "barriers": barriers,
            "actions": actions,
            "can_edit": membership.can(Capability.EDIT_PEOPLE),
        },
    )


def _services_for(pathway: Pathway, need: str = ""):
    partners = PartnerOrganisation.objects.in_directory_of(pathway.structure).filter(is_active=True)
    found = PartnerService.objects.filter(is_active=True, organisation__in=partners)
    if need:
        found = found.filter(Exists(ServiceNeed.objects.filter(service=OuterRef("pk"), domain=need)))
    return found.select_related("organisation").prefetch_related("needs").order_by("organisation__name", "name")


def _linked(model, pathway, raw: str, **path):
    if not raw:
        return None
    try:
        return model.objects.filter(public_id=uuid.UUID(raw), **{k: pathway for k in path.values()}).first()
    except ValueError:
        return None


@login_required
def orientation_create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    from tremplin.action_plan.models import Action
    from tremplin.barriers.models import Barrier

    pathway = pathway_or_404(request, pathway_id, Capability.EDIT_PEOPLE, related=PATHWAY_RELATED)
    source = request.POST if request.method == "POST" else request.GET
    barrier = _linked(Barrier, pathway, source.get("barrier", ""), path="pathway")
    action = _linked(Action, pathway, source.get("action", ""), path="plan__pathway")
    need = barrier.domain if barrier is not None else source.get("need", "")
    if request.GET.get("all"):
        need = ""
    candidates = _services_for(pathway, need)
    if request.method == "POST":
        form = OrientationForm(request.POST, services=_services_for(pathway))
        if form.is_valid():
            data = form.cleaned_data
            try:
                orientation = services.orient(
                    pathway=pathway,
                    service=data["service"],
                    reason=data["reason"],
                    shared_items=data["shared_items"],
                    record_consent=data.get("record_consent", False),
                    send=data.get("send", False),
                    barrier=barrier,
                    action=action,
                    visibility_choice=data.get("visibility_choice", ""),
                    by=request.user,
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(
                    request,
                    _("Orientation vers %(partner)s enregistrée (%(status)s).")
                    % {"partner": orientation.organisation.name, "status": orientation.get_status_display()},
                )
                return redirect("orientations:detail", orientation.public_id)
    else:
        initial = {}
        wanted = request.GET.get("service", "")
        if wanted:
            chosen = _linked(PartnerService, pathway, wanted)
            if chosen is not None:
                initial["service"] = chosen.pk
        form = OrientationForm(services=candidates, initial=initial)
    return render(
        request,
        "orientations/orientation_form.html",
        {"form": form, "pathway": pathway, "barrier": barrier, "action": action, "need": need},
    )


@login_required
@reads_personal_data("orientations")
def orientation_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    orientation = _orientation_for(request, public_id, Capability.VIEW_ALL_PEOPLE)
    membership = request.membership
    can_edit = membership.can(Capability.EDIT_PEOPLE)
    allowed = services.orientation_transitions(orientation)
    return render(
        request,
        "orientations/detail.html",
        {
            "orientation": orientation,
            "pathway": orientation.pathway,
            "steps": list(orientation.steps.select_related("by")),
            "status_form": StatusForm(allowed=allowed) if can_edit and allowed else None,
            "feedback": services.feedback_for(orientation),
            "can_edit": can_edit,
        },
    )


@login_required
@reads_personal_data("orientations")
def orientation_status(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    orientation = _orientation_for(request, public_id, Capability.EDIT_PEOPLE)
    allowed = services.orientation_transitions(orientation)
    form = StatusForm(request.POST or None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_status(
                orientation,
                data["status"],
                by=request.user,
                on=data.get("on"),
                note=data.get("note", ""),
                appointment_on=data.get("appointment_on"),
                outcome=data.get("outcome", ""),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Orientation : %(status)s.") % {"status": orientation.get_status_display()})
            if orientation.status == OrientationStatus.DONE:
                return redirect("orientations:feedback", orientation.public_id)
            return redirect("orientations:detail", orientation.public_id)
    return render(
        request,
        "orientations/status_form.html",
        {"form": form, "orientation": orientation, "pathway": orientation.pathway},
    )


@login_required
@reads_personal_data("orientations")
def orientation_feedback(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """After a done orientation: move the linked barrier and close the linked action, if the member agrees."""
    orientation = _orientation_for(request, public_id, Capability.EDIT_PEOPLE)
    feedback = services.feedback_for(orientation)
    form = FeedbackForm(request.POST or None, feedback=feedback)
    if request.method == "POST" and form.is_valid() and form.fields:
        try:
            done = services.apply_feedback(
                orientation,
                by=request.user,
                barrier_status=form.cleaned_data.get("barrier_status", ""),
                mark_action_done=form.cleaned_data.get("mark_action_done", False),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            for sentence in done:
                messages.success(request, sentence)
            return redirect("orientations:pathway", orientation.pathway.public_id)
    return render(
        request,
        "orientations/feedback_form.html",
        {"form": form, "orientation": orientation, "pathway": orientation.pathway, "feedback": feedback},
    )


@login_required
def share_create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway = pathway_or_404(request, pathway_id, Capability.EDIT_PEOPLE, related=PATHWAY_RELATED)
    organisations = PartnerOrganisation.objects.in_directory_of(pathway.structure).filter(is_active=True)
    form = ShareForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            share = services.share_pathway(
                pathway=pathway,
                organisation=form.cleaned_data["organisation"],
                items=form.cleaned_data["items"],
                record_consent=form.cleaned_data.get("record_consent", False),
                by=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Parcours partagé avec %(partner)s.") % {"partner": share.organisation.name})
            return redirect("orientations:pathway", pathway.public_id)
    return render(request, "orientations/share_form.html", {"form": form, "pathway": pathway})


@require_POST
@login_required
def share_end(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    share = get_object_or_404(Share.objects.select_related("pathway__structure", "organisation"), public_id=public_id)
    check_pathway_access(request, share.pathway, Capability.EDIT_PEOPLE)
    try:
        services.end_share(share, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Le partage avec %(partner)s est arrêté.") % {"partner": share.organisation.name})
    return redirect("orientations:pathway", share.pathway.public_id)


@require_membership(Capability.MANAGE_STRUCTURE)
def orientation_settings(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    check_object_access(request, structure, Capability.MANAGE_STRUCTURE)
    current = services.settings_for(structure)
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_settings(structure, no_news_days=form.cleaned_data["no_news_days"])
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Délai sans nouvelles enregistré."))
            return redirect("orientations:settings")
    return render(request, "orientations/settings.html", {"form": form})
