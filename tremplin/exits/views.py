"""Recording a pathway's exit, its follow-ups, and the structure's exit indicators.

Who: the social staff who edit people's files (EDIT_PEOPLE) and the job coaches
(MANAGE_JOB_COACHING), who often learn first of a hire and keep in touch with the
employer after it. Health, justice and death categories are kept for the social staff:
they are not offered to others, and an exit recorded in one of them is a 404 to others.
The indicators are for whoever reads the structure dashboard.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tremplin.accounts.access import check_pathway_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import Visibility, visibilities_for
from tremplin.messaging import services as messaging
from tremplin.pathways.access import pathway_membership_or_404
from tremplin.programmes.models import Programme

from . import services
from .forms import CallForm, ExitForm, FollowUpForm, IndicatorsFilterForm
from .models import Exit, FollowUp

RECORDERS = (Capability.EDIT_PEOPLE, Capability.MANAGE_JOB_COACHING)


def _check_visible(membership, exit_record: Exit) -> None:
    if exit_record.visibility not in visibilities_for(membership):
        raise Http404


@login_required
@reads_personal_data("exit")
def record(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(
        request, pathway_id, *RECORDERS, related=("person__structure", "programme", "structure")
    )
    existing = Exit.objects.filter(pathway=pathway).first()
    if existing is not None and existing.visibility in visibilities_for(membership):
        messages.info(request, _("La sortie de ce parcours est déjà enregistrée."))
        return redirect("exits:detail", public_id=existing.public_id)
    contracts = services.contracts_of(pathway)
    running = services.running_contract(contracts)
    with_sensitive = Visibility.SOCIAL_STAFF_ONLY in visibilities_for(membership)
    form = ExitForm(
        request.POST or None, programme=pathway.programme, with_sensitive=with_sensitive, running_contract=running
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            exit_record = services.record_exit(
                pathway,
                services.ExitInput(
                    exit_on=data["exit_on"],
                    reason=data["reason"],
                    category=data["category"],
                    destination=data["destination"],
                    job_title=data["job_title"],
                    contract_start=data["contract_start"],
                    contract_months=data["contract_months"],
                    weekly_hours=data["weekly_hours"],
                    comment=data["comment"],
                    confirm_early_end=data.get("confirm_early_end", False),
                ),
                by=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Sortie enregistrée ; les suivis à 1, 3 et 6 mois sont prévus."))
            return redirect("exits:detail", public_id=exit_record.public_id)
    return render(
        request,
        "exits/record.html",
        {
            "form": form,
            "pathway": pathway,
            "person": pathway.person,
            "running": running,
            "contracts": contracts,
        },
    )


@login_required
@reads_personal_data("exit")
def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The exit as recorded: the confirmation after recording, with the exit assessment and the follow-ups."""
    exit_record = get_object_or_404(
        Exit.objects.select_related(
            "pathway__person__structure", "pathway__programme", "pathway__structure", "recorded_by"
        ),
        public_id=public_id,
    )
    pathway = exit_record.pathway
    membership = check_pathway_access(request, pathway, *RECORDERS, record=exit_record)
    _check_visible(membership, exit_record)
    follow_ups = list(exit_record.follow_ups.select_related("recorded_by"))
    return render(
        request,
        "exits/detail.html",
        {
            "exit": exit_record,
            "pathway": pathway,
            "person": pathway.person,
            "follow_ups": follow_ups,
            "next_follow_up": services.next_follow_up(exit_record, follow_ups),
            "today": timezone.localdate(),
            "can_print": membership.can(Capability.EDIT_PEOPLE) or membership.can(Capability.MANAGE_PERSONAL_DATA),
        },
    )


@login_required
@reads_personal_data("exit")
def follow_up(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    item = get_object_or_404(
        FollowUp.objects.select_related(
            "exit__pathway__person__structure", "exit__pathway__programme", "exit__pathway__structure", "recorded_by"
        ),
        public_id=public_id,
    )
    exit_record = item.exit
    pathway = exit_record.pathway
    membership = check_pathway_access(request, pathway, *RECORDERS, record=item)
    _check_visible(membership, exit_record)
    planning = request.method == "POST" and request.POST.get("action") == "plan_call"
    call_form = CallForm(request.POST if planning else None, prefix="call", initial={"call_time": item.call_time})
    if planning:
        if item.is_done:
            raise Http404  # the call took place: nothing left to plan
        if call_form.is_valid():
            written = messaging.plan_call(
                item,
                call_form.cleaned_data["call_time"],
                by=request.user,
                send=call_form.cleaned_data["send"],
                site_url=request.build_absolute_uri("/"),
            )
            text = _("Appel prévu.") if item.call_time else _("Heure de l'appel retirée.")
            if written:
                text += " " + _("La personne est prévenue par SMS ou courriel.")
            messages.success(request, text)
            return redirect("exits:follow_up", public_id=item.public_id)
    form = FollowUpForm(None if planning else request.POST or None)
    if request.method == "POST" and not planning and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_follow_up(
                item, contacted_on=data["contacted_on"], outcome=data["outcome"], note=data["note"], by=request.user
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Suivi à %(n)s mois enregistré.") % {"n": item.months})
            return redirect("exits:detail", public_id=exit_record.public_id)
    return render(
        request,
        "exits/follow_up.html",
        {
            "form": form,
            "call_form": call_form,
            "follow_up": item,
            "exit": exit_record,
            "pathway": pathway,
            "person": pathway.person,
        },
    )


@require_GET
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
def indicators(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    programmes = list(Programme.objects.filter(structure=structure).order_by("name"))
    form = IndicatorsFilterForm(request.GET or None, programmes=programmes)
    programme = start = end = None
    if form.is_bound and form.is_valid():
        programme = form.chosen_programme()
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    result = services.exit_indicators(structure, programme=programme, start=start, end=end)
    return render(
        request,
        "exits/indicators.html",
        {"form": form, "indicators": result, "programme": programme, "structure": structure},
    )
