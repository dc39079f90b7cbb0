"""Spreadsheet onboarding pages: upload and history, template downloads, column mapping, report and confirmation."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tremplin.accounts.access import check_object_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.core.forms import add_validation_error
from tremplin.core.tables import TableError

from . import columns, services, template_file
from .forms import MappingForm, UploadForm
from .models import IN_PROGRESS, ImportRun, RunStatus

CAP = Capability.IMPORT_PEOPLE
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HISTORY_SIZE = 20


@require_membership(CAP)
def start(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = services.start(structure, name=upload.name, content=upload.read(), by=request.user)
        except TableError as error:
            form.add_error("file", str(error))
        else:
            if run.status == RunStatus.UPLOADED:
                return redirect("onboarding:mapping", public_id=run.public_id)
            return redirect("onboarding:run", public_id=run.public_id)
    runs = ImportRun.objects.filter(structure=structure).select_related("uploaded_by")[:HISTORY_SIZE]
    return render(request, "onboarding/start.html", {"form": form, "runs": runs, "columns": columns.COLUMNS})


@require_membership(CAP)
def template_xlsx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_file.as_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="modele-reprise.xlsx"'
    return response


@require_membership(CAP)
def template_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_file.as_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="modele-reprise.csv"'
    return response


def _run(request: HttpRequest, public_id: uuid.UUID) -> ImportRun:
    run = get_object_or_404(ImportRun.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, run.structure, CAP)
    return run


@login_required
def mapping(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    run = _run(request, public_id)
    current = {int(index): key for index, key in run.mapping.items()}
    form = MappingForm(request.POST or None, headers=run.headers, mapping=current)
    waiting = run.sealed_file is not None and run.status in (RunStatus.UPLOADED, RunStatus.REFUSED, RunStatus.CHECKED)
    if request.method == "POST" and waiting and form.is_valid():
        try:
            services.set_mapping(run, form.mapping(), by=request.user)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            return redirect("onboarding:run", public_id=run.public_id)
    return render(request, "onboarding/mapping.html", {"run": run, "form": form, "waiting": waiting})


@login_required
def run_report(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    run = _run(request, public_id)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "cancel" and run.sealed_file is not None and run.status not in IN_PROGRESS:
            services.cancel(run)
            messages.info(request, _("Import abandonné : le fichier est supprimé, rien n'a été créé."))
            return redirect("onboarding:start")
        if action == "confirm":
            try:
                services.request_confirm(run, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect("onboarding:run", public_id=run.public_id)
    return render(
        request,
        "onboarding/run.html",
        {
            "run": run,
            "summary": summary(run.counts) if run.counts else "",
            "can_confirm": run.status == RunStatus.CHECKED and run.sealed_file is not None,
            "can_remap": run.sealed_file is not None and run.status not in (*IN_PROGRESS, RunStatus.IMPORTED),
            "in_progress": run.status in IN_PROGRESS,
        },
    )


def summary(counts: dict) -> str:
    return _(
        "personnes créées : %(people_created)s, déjà présentes : %(people_found)s ; parcours ouverts : "
        "%(pathways_created)s, déjà présents : %(pathways_found)s ; contrats enregistrés : %(contracts_created)s, "
        "déjà présents : %(contracts_found)s."
    ) % {key: counts.get(key, 0) for key in services.COUNT_KEYS}
