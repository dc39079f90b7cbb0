"""PDF documents made from HTML templates (WeasyPrint).

One place for the rendering and the download response, so every PDF of the
product is made the same way: autoescaped template -> WeasyPrint -> a private
attachment never kept in a cache.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string

# Tagged PDF/UA-1: headings, paragraphs, lists and tables are marked up, with the document's language and title,
# so a screen reader reads the printed programme as it reads the page.
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    """The PDF of an HTML string. WeasyPrint is heavy: imported only when a PDF is asked for."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)


def render_pdf(template_name: str, context: dict) -> bytes:
    """Renders a template (autoescaped, so text typed by users stays text) and prints it to PDF."""
    return html_to_pdf(render_to_string(template_name, context))


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    """A download of personal data: an attachment, never stored by a cache."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
