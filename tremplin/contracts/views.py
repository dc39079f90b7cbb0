"""Signing, reading, renewing, suspending and ending contracts.

Views only translate between forms and the services: every rule lives in
the programme rules and in `services`, whose refusals come back on the
fields they concern.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tremplin.accounts.access import check_pathway_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.eligibility.models import EligibilityDiagnosis
from tremplin.pathways.access import pathway_or_404
from tremplin.pathways.models import Status

from . import services
from .forms import CancellationForm, ContractForm, EarlyEndForm, SuspensionForm, renewal_initial
from .models import Contract, ContractStatus

RUNNING = (ContractStatus.ACTIVE, ContractStatus.SUSPENDED)


def _short(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _contract_for(request: HttpRequest, public_id: uuid.UUID, *capabilities: str) -> Contract:
    """The contract if the user may see its person and holds `capabilities` (none: seeing the person is enough)."""
    contract = get_object_or_404(
        Contract.objects.select_related(
            "pathway__person", "pathway__programme", "pathway__structure", "worksite", "signed_by"
        ),
        public_id=public_id,
    )
    check_pathway_access(request, contract.pathway, *capabilities, record=contract)
    return contract


def _chain(contract: Contract) -> tuple[list[Contract], Contract | None]:
    """The contracts linked to this one by renewals, first to last, and this one's renewal (one query)."""
    siblings = {c.pk: c for c in Contract.objects.filter(pathway_id=contract.pathway_id).select_related("worksite")}
    siblings[contract.pk] = contract
    renewal_of = {c.renews_id: c for c in siblings.values() if c.renews_id is not None}
    first = contract
    while first.renews_id is not None and first.renews_id in siblings:
        first = siblings[first.renews_id]
    chain = [first]
    while chain[-1].pk in renewal_of:
        chain.append(renewal_of[chain[-1].pk])
    return chain, renewal_of.get(contract.pk)


def _show_warnings(request: HttpRequest, warnings) -> None:
    for warning in warnings:
        messages.warning(request, warning.message)


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


@login_required
def create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    """Signs a first contract with an eligible person; the service refuses anything a rule forbids."""
    pathway = pathway_or_404(request, pathway_id, Capability.MANAGE_CONTRACTS)
    waiting = services.planned_contract(pathway)
    is_open = pathway.status == Status.ELIGIBLE and waiting is None
    form = ContractForm(_posted(request), pathway=pathway, initial={"worksite": pathway.worksite_id})
    if request.method == "POST" and is_open and form.is_valid():
        try:
            contract, warnings = services.sign_contract(pathway, form.terms(), by=request.user)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Contrat signé : du %(start)s au %(end)s.")
                % {"start": _short(contract.start_date), "end": _short(contract.planned_end_date)},
            )
            if contract.status == ContractStatus.PLANNED:
                messages.info(
                    request,
                    _("La personne sera en contrat à partir du %(start)s, premier jour du contrat.")
                    % {"start": _short(contract.start_date)},
                )
            _show_warnings(request, warnings)
            return redirect("contracts:detail", public_id=contract.public_id)
    diagnosis = (
        EligibilityDiagnosis.objects.filter(pathway=pathway, is_eligible=True)
        .order_by("-made_on", "-created_at")
        .first()
    )
    return render(
        request,
        "contracts/create.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "form": form,
            "is_open": is_open,
            "diagnosis": diagnosis,
            "waiting": waiting,
        },
    )


@login_required
@reads_personal_data("contract")
def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contract = _contract_for(request, public_id)  # whoever sees the person sees the contract; actions need caps
    chain, renewal = _chain(contract)
    running = contract.status in RUNNING
    return render(
        request,
        "contracts/detail.html",
        {
            "contract": contract,
            "pathway": contract.pathway,
            "person": contract.pathway.person,
            "chain": chain,
            "previous": next((c for c in chain if c.pk == contract.renews_id), None),
            "renewal": renewal,
            "suspensions": contract.suspensions.all(),
            "can_renew": running and renewal is None,
            "can_suspend": running,
            "can_end": running,
            "can_cancel": contract.status == ContractStatus.PLANNED,
        },
    )


@login_required
@reads_personal_data("contract")
def renew(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """A renewal starts the day after the previous planned end; duration limits apply to the whole chain."""
    previous = _contract_for(request, public_id, Capability.MANAGE_CONTRACTS)
    pathway = previous.pathway
    is_open = previous.status in RUNNING and not Contract.objects.filter(renews=previous).exists()
    form = ContractForm(_posted(request), pathway=pathway, renewal_of=previous, initial=renewal_initial(previous))
    if request.method == "POST" and is_open and form.is_valid():
        try:
            contract, warnings = services.renew_contract(previous, form.terms(), by=request.user)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Contrat renouvelé : du %(start)s au %(end)s.")
                % {"start": _short(contract.start_date), "end": _short(contract.planned_end_date)},
            )
            _show_warnings(request, warnings)
            return redirect("contracts:detail", public_id=contract.public_id)
    return render(
        request,
        "contracts/renew.html",
        {
            "contract": previous,
            "pathway": pathway,
            "person": pathway.person,
            "form": form,
            "is_open": is_open,
            "start_date": form.contract_start,
            "chain_start": previous.chain_start_date(),
        },
    )


@login_required
@reads_personal_data("contract")
def suspend(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contract = _contract_for(request, public_id, Capability.MANAGE_CONTRACTS)
    is_open = contract.status in RUNNING
    form = SuspensionForm(_posted(request))
    if request.method == "POST" and is_open and form.is_valid():
        try:
            suspension = services.suspend_contract(
                contract,
                start_date=form.cleaned_data["start_date"],
                end_date=form.cleaned_data["end_date"],
                reason=form.cleaned_data["reason"].strip(),
                by=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Suspension enregistrée du %(start)s au %(end)s.")
                % {"start": _short(suspension.start_date), "end": _short(suspension.end_date)},
            )
            return redirect("contracts:detail", public_id=contract.public_id)
    return render(
        request,
        "contracts/suspend.html",
        {
            "contract": contract,
            "pathway": contract.pathway,
            "person": contract.pathway.person,
            "form": form,
            "is_open": is_open,
        },
    )


@login_required
@reads_personal_data("contract")
def end(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Ends a contract before its term; the pathway then moves to exited."""
    contract = _contract_for(request, public_id, Capability.MANAGE_CONTRACTS)
    is_open = contract.status in RUNNING
    form = EarlyEndForm(_posted(request))
    if request.method == "POST" and is_open and form.is_valid():
        pathway_status = contract.pathway.status
        try:
            services.end_contract_early(
                contract,
                ended_on=form.cleaned_data["ended_on"],
                reason=form.cleaned_data["reason"],
                comment=form.cleaned_data["comment"].strip(),
                by=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            message = _("Contrat rompu le %(date)s.") % {"date": _short(contract.ended_on)}
            if contract.pathway.status != pathway_status:
                message += " " + _("Le parcours passe au statut « %(status)s ».") % {
                    "status": contract.pathway.get_status_display()
                }
            messages.success(request, message)
            return redirect("contracts:detail", public_id=contract.public_id)
    return render(
        request,
        "contracts/end.html",
        {
            "contract": contract,
            "pathway": contract.pathway,
            "person": contract.pathway.person,
            "form": form,
            "is_open": is_open,
        },
    )


@login_required
@reads_personal_data("contract")
def cancel(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Cancels a contract that has not started; the pathway keeps its status."""
    contract = _contract_for(request, public_id, Capability.MANAGE_CONTRACTS)
    is_planned = contract.status == ContractStatus.PLANNED
    form = CancellationForm(_posted(request))
    if request.method == "POST" and is_planned and form.is_valid():
        try:
            services.cancel_planned_contract(contract, reason=form.cleaned_data["reason"], by=request.user)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Contrat annulé : il ne commencera pas. Un autre contrat peut être signé."))
            return redirect("contracts:detail", public_id=contract.public_id)
    return render(
        request,
        "contracts/cancel.html",
        {
            "contract": contract,
            "pathway": contract.pathway,
            "person": contract.pathway.person,
            "form": form,
            "is_planned": is_planned,
        },
    )
