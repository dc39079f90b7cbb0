"""Uploading, downloading and deleting a person's documents."""

import unicodedata
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_person_access, person_visible_to
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.audit.services import log_event
from tremplin.core.forms import add_validation_error
from tremplin.pathways.access import person_or_404

from .forms import DocumentForm
from .models import Document, visibilities_for
from .services import delete_document, store_document

PERSON_VIEWERS = (Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)


def readable_document(request: HttpRequest, public_id, *capabilities: str) -> Document:
    """The document if the user may see the person and the document's visibility; 404 otherwise."""
    document = get_object_or_404(Document.objects.select_related("person__structure"), public_id=public_id)
    membership = check_person_access(request, document.person, *capabilities, record=document)
    if not person_visible_to(membership, document.person):
        raise Http404
    if document.visibility not in visibilities_for(membership):
        raise Http404
    return document


@login_required
def upload(request: HttpRequest, person_id) -> HttpResponse:
    person = person_or_404(request, person_id, Capability.EDIT_PEOPLE)
    if request.method == "POST":
        form = DocumentForm(request.POST, request.FILES, person=person)
        if form.is_valid():
            document = form.save(commit=False)
            document.person = person
            try:
                store_document(document=document, upload=form.cleaned_data["file"], uploaded_by=request.user)
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                try:
                    log_event(
                        actor=request.user,
                        structure=person.structure,
                        person=person,
                        part="document",
                        action="create",
                        obj=document,
                        request=request,
                    )
                except BaseException:
                    # The request's transaction rolls the row back: the file must not stay behind.
                    document.file.storage.delete(document.file.name)
                    raise
                messages.success(request, _("Document déposé : %(title)s.") % {"title": document.title})
                return redirect("people:detail", public_id=person.public_id)
    else:
        form = DocumentForm(person=person)
    return render(request, "documents/upload.html", {"form": form, "person": person})


def attachment_disposition(name: str) -> str:
    """`attachment` with an ASCII fallback and the exact name in RFC 5987 form: no header injection."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = "".join(ch if ch.isalnum() or ch in " .-_()" else "_" for ch in ascii_name).strip() or "document"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


@login_required
@reads_personal_data("document")
def download(request: HttpRequest, public_id) -> FileResponse:
    document = readable_document(request, public_id, *PERSON_VIEWERS)
    name = document.original_name or f"{document.title}{document.extension}"
    if not name.lower().endswith(document.extension):
        name += document.extension
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    response["Content-Disposition"] = attachment_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def delete(request: HttpRequest, public_id) -> HttpResponse:
    document = readable_document(request, public_id, Capability.EDIT_PEOPLE)
    person = document.person
    log_event(
        actor=request.user,
        structure=person.structure,
        person=person,
        part="document",
        action="delete",
        obj=document,
        request=request,
    )
    title = document.title
    delete_document(document)
    messages.success(request, _("Document supprimé : %(title)s.") % {"title": title})
    return redirect("people:detail", public_id=person.public_id)
