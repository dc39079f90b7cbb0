"""The CV of a person: the editor (choices kept in a draft), an on-screen preview, the PDF and the JSON Resume export.

Who: those who hold MANAGE_JOB_COACHING (job coach, counsellor, case manager, director) edit and export; whoever
reads all the files may look at the preview. Every view of the CV and every export is logged.
Reading never writes: without a saved draft, the defaults are shown.
"""

from __future__ import annotations

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.pdf import pdf_response, render_pdf
from tremplin.pathways.access import current_pathway, person_membership_or_404

from . import services
from .content import LIMITS, build_cv, candidates, draft_for
from .forms import CvDraftForm
from .jsonresume import to_json_resume
from .models import CvLanguage

READERS = (Capability.VIEW_ALL_PEOPLE,)
WRITERS = (Capability.MANAGE_JOB_COACHING,)


def _language(request: HttpRequest, draft) -> str:
    asked = request.GET.get("langue")
    return asked if asked in CvLanguage.values else draft.language


def _filename(person, language: str, extension: str) -> str:
    return f"cv-{slugify(person.full_name) or 'personne'}-{language}.{extension}"


@login_required
@reads_personal_data("cv")
def edit(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, _membership = person_membership_or_404(request, person_id, *WRITERS)
    draft = draft_for(person)
    items = candidates(person)
    form = CvDraftForm(request.POST or None, items=items, draft=draft)
    if request.method == "POST" and form.is_valid():
        hidden, ranks = form.choices()
        data = form.cleaned_data
        try:
            services.save_draft(
                person,
                by=request.user,
                language=data["language"],
                headline=data["headline"],
                summary=data["summary"],
                show_email=data["show_email"],
                show_phone=data["show_phone"],
                show_city=data["show_city"],
                show_languages=data["show_languages"],
                hidden=hidden,
                ranks=ranks,
                known_keys={item.key for section in items.values() for item in section},
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("CV enregistré."))
            return redirect("cv:edit", person_id=person.public_id)
    return render(
        request,
        "cv/edit.html",
        {
            "person": person,
            "programme_pathway": current_pathway(person),
            "form": form,
            "draft": draft,
            "limits": LIMITS,
            "cv": build_cv(person, draft, items=items),
        },
    )


@login_required
@reads_personal_data("cv")
def preview(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, membership = person_membership_or_404(request, person_id, *READERS)
    draft = draft_for(person)
    language = _language(request, draft)
    with translation.override(language):
        cv = build_cv(person, draft)
    return render(
        request,
        "cv/preview.html",
        {
            "person": person,
            "programme_pathway": current_pathway(person),
            "cv": cv,
            "cv_language": language,
            "can_edit": membership.can(Capability.MANAGE_JOB_COACHING),
        },
    )


@login_required
@reads_personal_data("cv", action="export")
def pdf(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, _membership = person_membership_or_404(request, person_id, *WRITERS)
    draft = draft_for(person)
    language = _language(request, draft)
    with translation.override(language):
        document = render_pdf("cv/cv_pdf.html", {"cv": build_cv(person, draft), "cv_language": language})
    return pdf_response(document, _filename(person, language, "pdf"))


@login_required
@reads_personal_data("cv", action="export")
def json_resume(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, _membership = person_membership_or_404(request, person_id, *WRITERS)
    draft = draft_for(person)
    with translation.override(_language(request, draft)):
        data = to_json_resume(build_cv(person, draft))
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{_filename(person, draft.language, "json")}"'
    response["Cache-Control"] = "no-store"
    return response
