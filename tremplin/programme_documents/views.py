"""Printable documents of one pathway: the individual insertion programme and the exit assessment.

Both are PDFs made from HTML templates. Only the social staff who edit
people's files and the data protection officer print them; the content is
filtered by what the reader may see, and each print is written to the access log.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.pdf import pdf_response, render_pdf
from tremplin.pathways.access import pathway_membership_or_404
from tremplin.pathways.models import Pathway

from . import services

CAPABILITIES = (Capability.EDIT_PEOPLE, Capability.MANAGE_PERSONAL_DATA)


def _pathway_for(request: HttpRequest, pathway_id):
    """The pathway with the team the documents name."""
    return pathway_membership_or_404(
        request,
        pathway_id,
        *CAPABILITIES,
        related=("person", "structure", "programme", "referent", "supervisor", "worksite"),
    )


def _filename(kind: str, pathway: Pathway) -> str:
    return f"{kind}-{slugify(pathway.person.full_name) or 'personne'}-{timezone.localdate():%Y-%m-%d}.pdf"


@require_GET
@login_required
@reads_personal_data("programme_pdf", action="export")
def programme_pdf(request: HttpRequest, pathway_id) -> HttpResponse:
    pathway, membership = _pathway_for(request, pathway_id)
    pdf = render_pdf("programme_documents/programme_pdf.html", services.programme_context(pathway, membership))
    return pdf_response(pdf, _filename("programme", pathway))


@require_GET
@login_required
@reads_personal_data("programme_pdf", action="export")
def exit_assessment_pdf(request: HttpRequest, pathway_id) -> HttpResponse:
    pathway, membership = _pathway_for(request, pathway_id)
    pdf = render_pdf(
        "programme_documents/exit_assessment_pdf.html", services.exit_assessment_context(pathway, membership)
    )
    return pdf_response(pdf, _filename("bilan-de-sortie", pathway))
