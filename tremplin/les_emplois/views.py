"""Pages of the connector: the director's connection and reports, the staff's "to link" list, and the PASS IAE
typed by hand on a pathway."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_object_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.pathways.access import pathway_or_404
from tremplin.structures.models import Country

from . import services
from .forms import ConnectionForm, PassIaeForm
from .models import Connection, Outcome, SyncRecord, SyncRun
from .tasks import sync_les_emplois_task

RUNS_SHOWN = 20


@require_membership(Capability.CONNECT_LES_EMPLOIS)
def connection(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    stored = Connection.objects.filter(structure=structure).first()
    form = ConnectionForm(request.POST if request.method == "POST" else None)
    problem = services.connection_problem(structure)
    if request.method == "POST" and form.is_valid() and problem is None:
        try:
            services.store_connection(structure, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("Connexion enregistrée : le jeton d'accès est conservé chiffré."))
            return redirect("les_emplois:connection")
    runs = SyncRun.objects.filter(structure=structure).order_by("-started_at", "-id")[:RUNS_SHOWN]
    return render(
        request,
        "les_emplois/connection.html",
        {"form": form, "stored": stored, "problem": problem, "runs": runs, "structure": structure},
    )


@require_POST
@require_membership(Capability.CONNECT_LES_EMPLOIS)
def check(request: HttpRequest) -> HttpResponse:
    stored = get_object_or_404(Connection, structure=request.membership.structure)
    problem = services.check_connection(stored)
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, stored.check_result)
    return redirect("les_emplois:connection")


@require_POST
@require_membership(Capability.CONNECT_LES_EMPLOIS)
def remove(request: HttpRequest) -> HttpResponse:
    Connection.objects.filter(structure=request.membership.structure).delete()
    messages.success(request, _("Connexion supprimée : le jeton d'accès est effacé."))
    return redirect("les_emplois:connection")


@require_POST
@require_membership(Capability.CONNECT_LES_EMPLOIS)
def pull(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    get_object_or_404(Connection, structure=structure)
    sync_les_emplois_task.delay(structure.id, request.user.id)
    latest = SyncRun.objects.filter(structure=structure).order_by("-started_at", "-id").first()
    messages.success(request, _("Import lancé : le compte rendu s'affiche ci-dessous une fois terminé."))
    if latest is not None and latest.finished_at is not None:
        return redirect("les_emplois:run", public_id=latest.public_id)
    return redirect("les_emplois:connection")


@login_required
def run_report(request: HttpRequest, public_id) -> HttpResponse:
    # 404 before 403: a run of another structure does not exist for this member.
    run = get_object_or_404(SyncRun.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, run.structure, Capability.CONNECT_LES_EMPLOIS)
    records = run.records.exclude(outcome__in=(Outcome.UNCHANGED,)).select_related("person").order_by("outcome", "id")
    return render(request, "les_emplois/run.html", {"run": run, "records": records})


@require_membership(Capability.EDIT_PEOPLE)
def to_link(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    waiting = (
        SyncRecord.objects.filter(
            run__structure=structure, outcome=Outcome.TO_LINK, resolved_at__isnull=True, person__isnull=False
        )
        .select_related("person")
        .order_by("id")
    )
    return render(request, "les_emplois/to_link.html", {"waiting": waiting})


@require_POST
@login_required
def resolve(request: HttpRequest, public_id) -> HttpResponse:
    record = get_object_or_404(SyncRecord.objects.select_related("run__structure", "person"), public_id=public_id)
    check_object_access(request, record.run.structure, Capability.EDIT_PEOPLE)
    choice = request.POST.get("choice")
    try:
        if choice == "link" and record.person is not None:
            services.link_record(record, record.person, by=request.user)
            messages.success(request, _("PASS IAE rattaché à %(name)s.") % {"name": record.person.full_name})
        elif choice == "create":
            person = services.create_from_record(record, by=request.user)
            messages.success(request, _("Nouvelle personne créée : %(name)s.") % {"name": person.full_name})
        else:
            messages.error(request, _("Choisissez « rattacher » ou « créer une nouvelle personne »."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("les_emplois:to_link")


@login_required
@reads_personal_data("pathway")
def pass_iae(request: HttpRequest, public_id) -> HttpResponse:
    pathway = pathway_or_404(request, public_id, Capability.EDIT_PEOPLE, related=("person", "structure", "programme"))
    french = pathway.programme.rules.country == Country.FRANCE
    form = None
    if french:
        form = PassIaeForm(request.POST if request.method == "POST" else None, instance=pathway)
        if request.method == "POST" and form.is_valid() and form.save_unless_changed() is not None:
            messages.success(request, _("PASS IAE enregistré pour %(name)s.") % {"name": pathway.person.full_name})
            return redirect("people:detail", public_id=pathway.person.public_id)
    elif request.method == "POST":
        messages.error(request, _("Le PASS IAE ne concerne que les dispositifs français (SIAE)."))
    status = 200 if french or request.method == "GET" else 400
    return render(
        request, "les_emplois/pass_iae.html", {"pathway": pathway, "form": form, "french": french}, status=status
    )
