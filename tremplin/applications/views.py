"""Applications: a person's list, recording, the detail with its steps, moving a step, preparing an interview,
and the structure's pipeline.

Who reads: whoever reads all the people's files (job coach, counsellors, case manager, director,
administration, data protection officer). Who writes: those who hold MANAGE_JOB_COACHING (job coach,
counsellor, case manager, director). A technical supervisor does not see applications; a partner neither.
"""

from __future__ import annotations

import datetime
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_pathway_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.matching.models import SentOffer
from tremplin.pathways.access import pathway_membership_or_404

from . import offers, services
from .forms import ApplicationEditForm, ApplicationForm, MoveForm, PrepareForm
from .models import CLOSED_STATUSES, OPEN_STATUSES, Application, ApplicationStatus

READERS = (Capability.VIEW_ALL_PEOPLE,)
WRITERS = (Capability.MANAGE_JOB_COACHING,)
# Closed applications stay on the pipeline this long after their last step.
PIPELINE_CLOSED_DAYS = 90
PIPELINE_COLUMN_LIMIT = 100


def _pathway(request: HttpRequest, public_id: uuid.UUID, *capabilities: str):
    return pathway_membership_or_404(
        request, public_id, *capabilities, related=("person__structure", "programme", "structure")
    )


def _application(request: HttpRequest, public_id: uuid.UUID, *capabilities: str):
    application = get_object_or_404(
        Application.objects.select_related("pathway__person__structure", "pathway__programme", "pathway__structure"),
        public_id=public_id,
    )
    membership = check_pathway_access(request, application.pathway, *capabilities, record=application)
    return application, membership


@login_required
@reads_personal_data("applications")
def application_list(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = _pathway(request, pathway_id, *READERS)
    applications = list(
        Application.objects.filter(pathway=pathway).prefetch_related("steps__by").order_by("-status_on", "-id")
    )
    # Offers the structure sent that no application answers yet: one click records it.
    waiting = SentOffer.objects.filter(pathway=pathway, applications__isnull=True).select_related("offer__company")
    return render(
        request,
        "applications/list.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "open_applications": [a for a in applications if a.status in OPEN_STATUSES],
            "closed_applications": [a for a in applications if a.status in CLOSED_STATUSES],
            "waiting_offers": waiting,
            "can_edit": membership.can(Capability.MANAGE_JOB_COACHING),
        },
    )


@login_required
def create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, _membership = _pathway(request, pathway_id, *WRITERS)
    sent = offers.sent_offer_for(pathway, request.GET.get("offre") or request.POST.get("sent_offer"))
    initial = offers.initial_from(sent) if sent is not None else {}
    form = ApplicationForm(request.POST or None, initial=initial, structure=pathway.structure)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.record_application(
                pathway=pathway,
                by=request.user,
                employer_name=data["employer_name"],
                job_title=data["job_title"],
                job_code=data["job_code"],
                channel=data["channel"],
                company=data["company"],
                status=data["status"],
                status_on=data["status_on"],
                next_step=data["next_step"],
                next_step_on=data["next_step_on"],
                employer_feedback=data["employer_feedback"],
                sent_offer=sent,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Candidature enregistrée."))
            return redirect("applications:detail", public_id=application.public_id)
    return render(
        request,
        "applications/create.html",
        {"form": form, "pathway": pathway, "person": pathway.person, "sent_offer": sent},
    )


def _detail_context(application: Application, membership, **forms) -> dict:
    return {
        "application": application,
        "pathway": application.pathway,
        "person": application.pathway.person,
        "steps": application.steps.select_related("by"),
        "can_edit": membership.can(Capability.MANAGE_JOB_COACHING),
        "move_form": forms.get("move_form") or MoveForm(application=application),
        "prepare_form": forms.get("prepare_form") or PrepareForm(),
    }


@login_required
@reads_personal_data("applications")
def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    application, membership = _application(request, public_id, *READERS)
    return render(request, "applications/detail.html", _detail_context(application, membership))


@login_required
@reads_personal_data("applications")
def edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    application, _membership = _application(request, public_id, *WRITERS)
    form = ApplicationEditForm(request.POST or None, instance=application, structure=application.pathway.structure)
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save_unless_changed() if _valid_update(form) else None
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            if saved is not None:
                messages.success(request, _("Candidature modifiée."))
                return redirect("applications:detail", public_id=application.public_id)
    return render(
        request,
        "applications/edit.html",
        {
            "form": form,
            "application": application,
            "pathway": application.pathway,
            "person": application.pathway.person,
        },
    )


def _valid_update(form: ApplicationEditForm) -> bool:
    """Runs the service's checks on the edited record before the concurrent save."""
    try:
        services.check_update(form.instance)
    except ValidationError as error:
        add_validation_error(form, error)
        return False
    return True


@require_POST
@login_required
@reads_personal_data("applications")
def move(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    application, membership = _application(request, public_id, *WRITERS)
    form = MoveForm(request.POST, application=application)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.move(
                application,
                to_status=data["to_status"],
                on=data["on"],
                by=request.user,
                note=data["note"],
                employer_feedback=data["employer_feedback"],
                next_step=data["next_step"],
                next_step_on=data["next_step_on"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Étape enregistrée : %(status)s.") % {"status": application.get_status_display()},
            )
            return redirect("applications:detail", public_id=application.public_id)
    application.refresh_from_db()
    return render(request, "applications/detail.html", _detail_context(application, membership, move_form=form))


@require_POST
@login_required
@reads_personal_data("applications")
def prepare(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    application, membership = _application(request, public_id, *WRITERS)
    form = PrepareForm(request.POST)
    if form.is_valid():
        try:
            services.plan_preparation(
                application, kind=form.cleaned_data["kind"], by=request.user, due_date=form.cleaned_data["due_date"]
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Ajouté au plan d'action, rubrique « Recherche d'emploi »."))
            return redirect("applications:detail", public_id=application.public_id)
    return render(request, "applications/detail.html", _detail_context(application, membership, prepare_form=form))


@require_membership(*READERS)
def pipeline(request: HttpRequest) -> HttpResponse:
    """Every open application of the structure, and those closed in the last 90 days, in one column per step.
    One query whatever the number of applications."""
    membership = request.membership
    since = timezone.localdate() - datetime.timedelta(days=PIPELINE_CLOSED_DAYS)
    mine = request.GET.get("suivi") == "moi"
    rows = (
        Application.objects.filter(pathway__structure=membership.structure)
        .filter(Q(status__in=OPEN_STATUSES) | Q(status_on__gte=since))
        .select_related("pathway__person")
        .order_by("status_on", "id")
    )
    if mine:
        rows = rows.filter(pathway__referent=request.user)
    columns = {status: [] for status in ApplicationStatus.values}
    for application in rows:
        columns[application.status].append(application)
    return render(
        request,
        "applications/pipeline.html",
        {
            "columns": [
                {
                    "status": status,
                    "label": ApplicationStatus(status).label,
                    "applications": items[:PIPELINE_COLUMN_LIMIT],
                    "count": len(items),
                    "more": max(0, len(items) - PIPELINE_COLUMN_LIMIT),
                }
                for status, items in columns.items()
            ],
            "closed_days": PIPELINE_CLOSED_DAYS,
            "mine": mine,
            "can_edit": membership.can(Capability.MANAGE_JOB_COACHING),
        },
    )
