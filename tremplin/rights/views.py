"""The rights page of one person: subject-access export (JSON, PDF), rectification, erasure requests.

Only members with MANAGE_PERSONAL_DATA (director, data protection officer)
reach these pages: an export is the whole file at once. Every export and
every decision is written to the access log.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.access import check_object_access, check_person_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.audit.services import log_access
from tremplin.core.forms import add_validation_error
from tremplin.core.pdf import html_to_pdf, pdf_response
from tremplin.pathways.access import person_or_404
from tremplin.people.models import Person

from . import services
from .forms import ErasureDecisionForm, ErasureRequestForm
from .models import ErasureRequest, RefusalReason


def _render_rights_page(request, person, *, request_form=None, decision_forms=None, status=200) -> HttpResponse:
    membership = request.membership
    erasure_requests = list(person.erasure_requests.select_related("recorded_by", "decided_by"))
    decision_forms = decision_forms or {}
    for erasure in erasure_requests:
        erasure.decision_form = decision_forms.get(erasure.pk) or ErasureDecisionForm(prefix=str(erasure.public_id))
    grounds = services.refusal_grounds(person)
    return render(
        request,
        "rights/person_rights.html",
        {
            "person": person,
            "erasure_requests": erasure_requests,
            "request_form": request_form or ErasureRequestForm(initial={"received_on": timezone.localdate()}),
            "refusal_grounds": [RefusalReason(g).label for g in grounds],
            "can_rectify": membership.can(Capability.EDIT_PEOPLE),
        },
        status=status,
    )


@require_GET
@login_required
@reads_personal_data("rights")
def person_rights(request: HttpRequest, person_id) -> HttpResponse:
    person = person_or_404(request, person_id, Capability.MANAGE_PERSONAL_DATA)
    return _render_rights_page(request, person)


def _filename(person: Person, extension: str) -> str:
    return f"tremplin-{slugify(person.full_name) or 'personne'}-{timezone.localdate():%Y-%m-%d}.{extension}"


@require_GET
@login_required
@reads_personal_data("export", action="export")
def export_json(request: HttpRequest, person_id) -> HttpResponse:
    person = person_or_404(request, person_id, Capability.MANAGE_PERSONAL_DATA)
    data = services.export_person(person)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(person, "json")}"'
    response["Cache-Control"] = "no-store"
    return response


def render_export_html(data: dict) -> str:
    """The HTML the PDF is made from; autoescaped like every template, so text typed by users stays text."""
    return render_to_string("rights/export_pdf.html", {"export": data, "sections": services.readable_sections(data)})


def render_export_pdf(data: dict) -> bytes:
    return html_to_pdf(render_export_html(data))


@require_GET
@login_required
@reads_personal_data("export", action="export")
def export_pdf(request: HttpRequest, person_id) -> HttpResponse:
    person = person_or_404(request, person_id, Capability.MANAGE_PERSONAL_DATA)
    pdf = render_export_pdf(services.export_person(person))
    return pdf_response(pdf, _filename(person, "pdf"))


@require_POST
@login_required
def erasure_request(request: HttpRequest, person_id) -> HttpResponse:
    person = person_or_404(request, person_id, Capability.MANAGE_PERSONAL_DATA)
    form = ErasureRequestForm(request.POST)
    if form.is_valid():
        try:
            erasure = services.record_erasure_request(person=person, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            log_access(request, person=person, part="erasure_request", action="create", obj=erasure)
            messages.success(request, _("Demande d'effacement enregistrée. Décidez-en dans le délai d'un mois."))
            return redirect("rights:person", person_id=person.public_id)
    return _render_rights_page(request, person, request_form=form)


@require_POST
@login_required
def erasure_decide(request: HttpRequest, public_id) -> HttpResponse:
    erasure = get_object_or_404(
        ErasureRequest.objects.select_related("person__structure", "structure"), public_id=public_id
    )
    if erasure.person is None:
        # The person has already been anonymised: nothing is left to decide on.
        check_object_access(request, erasure.structure, Capability.MANAGE_PERSONAL_DATA)
        messages.error(request, _("Cette demande a déjà reçu une réponse."))
        return redirect("dashboards:home")
    person = erasure.person
    check_person_access(request, person, Capability.MANAGE_PERSONAL_DATA)
    if not erasure.is_pending:
        messages.error(request, _("Cette demande a déjà reçu une réponse."))
        return redirect("rights:person", person_id=person.public_id)
    form = ErasureDecisionForm(request.POST, prefix=str(erasure.public_id))
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == ErasureDecisionForm.ACCEPT:
                services.accept_erasure(erasure, decided_by=request.user)
            else:
                services.refuse_erasure(
                    erasure,
                    reason=form.cleaned_data["refusal_reason"],
                    detail=form.cleaned_data["refusal_detail"],
                    decided_by=request.user,
                )
            # The in-memory person still carries its public_id even if anonymising removed the record.
            log_access(request, person=person, part="erasure_request", action="update", obj=erasure)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request, _("Décision enregistrée : %(status)s.") % {"status": erasure.get_status_display()}
            )
            if erasure.person_id is None:
                return redirect("people:list")
            return redirect("rights:person", person_id=person.public_id)
    return _render_rights_page(request, person, decision_forms={erasure.pk: form})
