"""Recording and reading eligibility diagnoses.

Eligibility criteria say a lot about a person (income support, justice,
disability, asylum): only the roles that record eligibility read them.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tremplin.accounts.access import check_pathway_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.dates import age_on
from tremplin.core.forms import add_validation_error
from tremplin.pathways.access import pathway_or_404
from tremplin.pathways.models import Pathway, Status

from . import services
from .forms import EligibilityForm
from .models import EligibilityDiagnosis

# A diagnosis can be (re)made only before the first contract.
OPEN_STATUSES = (Status.CANDIDATE, Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.WITHDRAWN)


def result_message(diagnosis: EligibilityDiagnosis) -> str:
    if diagnosis.is_eligible:
        return _("Diagnostic enregistré : la personne est éligible jusqu'au %(date)s. %(summary)s") % {
            "date": date_format(diagnosis.valid_until, "SHORT_DATE_FORMAT"),
            "summary": diagnosis.summary,
        }
    return _("Diagnostic enregistré : la personne n'est pas éligible. %(summary)s") % {"summary": diagnosis.summary}


@login_required
def create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    """Checks the programme's criteria with their proofs; the rules decide, the service records."""
    pathway = pathway_or_404(request, pathway_id, Capability.RECORD_ELIGIBILITY)
    rules = pathway.programme.rules
    is_open = pathway.status in OPEN_STATUSES
    form = EligibilityForm(request.POST if request.method == "POST" else None, rules=rules)
    if request.method == "POST" and is_open and form.is_valid():
        try:
            diagnosis = services.record_diagnosis(
                pathway,
                form.proofs(),
                on=form.cleaned_data["made_on"],
                by=request.user,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            if diagnosis.is_eligible:
                messages.success(request, result_message(diagnosis))
            else:
                messages.warning(request, result_message(diagnosis))
            return redirect("eligibility:detail", public_id=diagnosis.public_id)
    return render(
        request,
        "eligibility/create.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "age": age_on(pathway.person.birth_date, timezone.localdate()) if pathway.person.birth_date else None,
            "form": form,
            "rules": rules,
            "is_open": is_open,
        },
    )


def next_step(diagnosis: EligibilityDiagnosis, pathway: Pathway, is_valid_today: bool) -> str:
    """What the result page offers next: a result is a step of the pathway, not its end.

    "contract": favourable, valid today, the pathway waits for its contract; "recheck": favourable but
    expired before any contract; "not_eligible": what to do instead; "": the pathway has moved on.
    """
    if pathway.status not in OPEN_STATUSES:
        return ""
    if not diagnosis.is_eligible:
        return "not_eligible"
    if not is_valid_today:
        return "recheck"
    return "contract" if pathway.status == Status.ELIGIBLE else ""


@login_required
@reads_personal_data("eligibility")
def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    diagnosis = get_object_or_404(
        EligibilityDiagnosis.objects.select_related(
            "pathway__person", "pathway__programme", "pathway__structure", "made_by"
        ).prefetch_related("proofs"),
        public_id=public_id,
    )
    pathway = diagnosis.pathway
    check_pathway_access(request, pathway, Capability.RECORD_ELIGIBILITY, record=diagnosis)
    proofs = list(diagnosis.proofs.all())
    is_valid_today = diagnosis.is_valid_on(timezone.localdate())
    return render(
        request,
        "eligibility/detail.html",
        {
            "diagnosis": diagnosis,
            "pathway": pathway,
            "person": pathway.person,
            "proofs": proofs,
            "has_levels": any(proof.level for proof in proofs),
            "is_valid_today": is_valid_today,
            "can_recheck": pathway.status in OPEN_STATUSES,
            "next_step": next_step(diagnosis, pathway, is_valid_today),
            "can_close": pathway.can_move_to(Status.CLOSED),
        },
    )
