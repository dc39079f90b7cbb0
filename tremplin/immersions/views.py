"""Immersions of a pathway: list, recording, detail, edit, tripartite evaluation, and the agreement as PDF.

Who reads: whoever reads all the people's files, and the technical supervisor of the person's team
(the immersion is work: where, when, with which tutor, how it went on the grid). Who writes and prints
the agreement: those who hold MANAGE_JOB_COACHING (job coach, counsellor, case manager, director).
Partners and supervisors of other teams: nothing (404).
"""

from __future__ import annotations

import datetime
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.accounts.access import check_pathway_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.dates import add_months
from tremplin.core.forms import add_validation_error
from tremplin.core.pdf import pdf_response, render_pdf
from tremplin.interviews import services as interview_services
from tremplin.interviews.forms import PlanForm
from tremplin.interviews.models import Kind
from tremplin.messaging import services as messaging
from tremplin.pathways.access import pathway_membership_or_404

from . import services
from .forms import EvaluationForm, ImmersionEditForm, ImmersionForm
from .grid import GridItem, grid_for
from .models import Immersion

READERS = (Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)
WRITERS = (Capability.MANAGE_JOB_COACHING,)


def _pathway(request: HttpRequest, public_id: uuid.UUID, *capabilities: str):
    return pathway_membership_or_404(
        request, public_id, *capabilities, related=("person__structure", "programme", "structure")
    )


def _immersion(request: HttpRequest, public_id: uuid.UUID, *capabilities: str):
    immersion = get_object_or_404(
        Immersion.objects.select_related(
            "pathway__person__structure", "pathway__programme", "pathway__structure", "evaluation"
        ),
        public_id=public_id,
    )
    return immersion, check_pathway_access(request, immersion.pathway, *capabilities, record=immersion)


def _warn(request: HttpRequest, warnings: list[str]) -> None:
    for warning in warnings:
        messages.warning(request, warning)


@login_required
@reads_personal_data("immersions")
def immersion_list(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = _pathway(request, pathway_id, *READERS)
    immersions = Immersion.objects.filter(pathway=pathway).select_related("evaluation")
    return render(
        request,
        "immersions/list.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "immersions": immersions,
            "can_edit": membership.can(Capability.MANAGE_JOB_COACHING),
        },
    )


@login_required
def create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, _membership = _pathway(request, pathway_id, *WRITERS)
    form = ImmersionForm(
        request.POST or None, initial={"prescriber": pathway.structure.name}, structure=pathway.structure
    )
    if request.method == "POST" and form.is_valid():
        try:
            # The immersion and its invitation together, or neither.
            with transaction.atomic():
                immersion, warnings = services.record_immersion(pathway=pathway, by=request.user, **form.cleaned_data)
                written = 0
                if request.POST.get("send"):
                    written = messaging.invite_to_immersion(
                        immersion, by=request.user, site_url=request.build_absolute_uri("/")
                    )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            text = _("Immersion enregistrée.")
            if written:
                text += " " + ngettext(
                    "%(n)s message envoyé (SMS ou courriel).", "%(n)s messages envoyés (SMS ou courriel).", written
                ) % {"n": written}
            messages.success(request, text)
            _warn(request, warnings)
            return redirect("immersions:detail", public_id=immersion.public_id)
    return render(
        request,
        "immersions/form.html",
        {
            "form": form,
            "pathway": pathway,
            "person": pathway.person,
            "send": request.method != "POST" or bool(request.POST.get("send")),
        },
    )


@login_required
@reads_personal_data("immersions")
def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    immersion, membership = _immersion(request, public_id, *READERS)
    follow_ups = immersion.follow_ups.visible_to(membership).order_by("planned_at")
    return render(
        request,
        "immersions/detail.html",
        {
            "immersion": immersion,
            "follow_ups": follow_ups,
            "evaluation": immersion.evaluation_or_none,
            "pathway": immersion.pathway,
            "person": immersion.pathway.person,
            "warnings": services.warnings_for(immersion),
            "can_edit": membership.can(Capability.MANAGE_JOB_COACHING),
        },
    )


def follow_up_moment(immersion: Immersion, now=None):
    """One month after the immersion's last day at 10:00, or tomorrow at 10:00 if that day has passed."""
    now = now or timezone.localtime()
    day = max(add_months(immersion.ends_on, 1), now.date() + datetime.timedelta(days=1))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


@login_required
@reads_personal_data("immersions")
def plan_follow_up(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Plans the follow-up meeting of an immersion ("one month after"), linked to it."""
    immersion, _membership = _immersion(request, public_id, *WRITERS)
    pathway = immersion.pathway
    form = PlanForm(
        request.POST or None,
        structure=pathway.structure,
        initial={"kind": Kind.INDIVIDUAL, "planned_at": follow_up_moment(immersion), "led_by": request.user.pk},
    )
    if request.method == "POST" and form.is_valid():
        try:
            interview_services.plan_interview(pathway=pathway, by=request.user, immersion=immersion, **form.terms())
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Suivi de l'immersion prévu."))
            return redirect("immersions:detail", public_id=immersion.public_id)
    return render(
        request,
        "immersions/plan_follow_up.html",
        {"form": form, "immersion": immersion, "pathway": pathway, "person": pathway.person},
    )


@login_required
@reads_personal_data("immersions")
def edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    immersion, _membership = _immersion(request, public_id, *WRITERS)
    before = _first_day(immersion)
    form = ImmersionEditForm(request.POST or None, instance=immersion, structure=immersion.pathway.structure)
    if request.method == "POST" and form.is_valid():
        try:
            warnings = services.check(form.instance)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            with transaction.atomic():
                saved = form.save_unless_changed()
                updated = 0
                if saved is not None and _first_day(saved) != before:
                    updated = messaging.notify_immersion_change(
                        saved, by=request.user, site_url=request.build_absolute_uri("/")
                    )
            if saved is not None:
                text = _("Immersion modifiée.")
                if updated:
                    text += " " + _("La personne est prévenue du changement.")
                messages.success(request, text)
                _warn(request, warnings)
                return redirect("immersions:detail", public_id=immersion.public_id)
    return render(
        request,
        "immersions/form.html",
        {"form": form, "immersion": immersion, "pathway": immersion.pathway, "person": immersion.pathway.person},
    )


def _first_day(immersion: Immersion) -> tuple:
    """What the person's invitation says: the day, the arrival time and where."""
    return (
        immersion.starts_on,
        immersion.arrival_time,
        immersion.host_name,
        immersion.host_address,
        immersion.company_id,
    )


def _grid(immersion: Immersion) -> tuple[str, list[GridItem]]:
    """A saved evaluation keeps its own grid; a new one takes the structure's current grid."""
    evaluation = immersion.evaluation_or_none
    if evaluation is not None and evaluation.scores:
        return evaluation.grid_source, [GridItem(key=row["key"], label=row["label"]) for row in evaluation.scores]
    return grid_for(immersion.pathway.structure)


@login_required
@reads_personal_data("immersions")
def evaluate(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    immersion, _membership = _immersion(request, public_id, *WRITERS)
    source, items = _grid(immersion)
    evaluation = immersion.evaluation_or_none
    initial = EvaluationForm.initial_from(evaluation, items) if evaluation is not None else None
    form = EvaluationForm(request.POST or None, items=items, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.evaluate(
                immersion,
                by=request.user,
                evaluated_on=data["evaluated_on"],
                grid_source=source,
                items=items,
                levels=form.levels(),
                conclusion=data["conclusion"],
                person_view=data["person_view"],
                tutor_view=data["tutor_view"],
                counsellor_view=data["counsellor_view"],
                conclusions=data["conclusions"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Bilan de l'immersion enregistré."))
            return redirect("immersions:detail", public_id=immersion.public_id)
    return render(
        request,
        "immersions/evaluate.html",
        {
            "form": form,
            "immersion": immersion,
            "pathway": immersion.pathway,
            "person": immersion.pathway.person,
            "grid_source": source,
            "ended": immersion.ends_on <= timezone.localdate(),
        },
    )


@login_required
@reads_personal_data("immersion_agreement", action="export")
def agreement_pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    immersion, _membership = _immersion(request, public_id, *WRITERS)
    person = immersion.pathway.person
    pdf = render_pdf(
        "immersions/agreement_pdf.html",
        {
            "immersion": immersion,
            "person": person,
            "pathway": immersion.pathway,
            "structure": immersion.pathway.structure,
            "warnings": services.warnings_for(immersion),
            "printed_on": timezone.localdate(),
        },
    )
    return pdf_response(pdf, f"convention-immersion-{immersion.starts_on:%Y%m%d}.pdf")
