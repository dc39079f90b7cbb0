"""Search and verification of the access log, for the director and the data protection officer."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_membership
from tremplin.accounts.roles import Capability
from tremplin.people.models import Person

from .forms import LogSearchForm
from .models import AccessLogEntry
from .parts import label_of
from .services import verify_chain

PAGE_SIZE = 25


@require_membership(Capability.VIEW_ACCESS_LOG)
def log(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    entries = AccessLogEntry.objects.for_structure(structure).order_by("-id")
    form = LogSearchForm(request.GET or None, structure=structure)
    if form.is_bound and form.is_valid():
        entries = form.filter(entries)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    # Names of the page's people, in one query; only this structure's people, and only if the record still exists.
    ids = {entry.person_public_id for entry in page.object_list if entry.person_public_id}
    people = {p.public_id: p for p in Person.objects.filter(structure=structure, public_id__in=ids)} if ids else {}
    for entry in page.object_list:
        entry.person = people.get(entry.person_public_id)
        entry.part_label = label_of(entry.part)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "is_filtered": form.is_bound and any(request.GET.get(name) for name in form.fields),
        },
    )


@require_POST
@require_membership(Capability.VIEW_ACCESS_LOG)
def verify(request: HttpRequest) -> HttpResponse:
    """Recomputes the whole chain; shows the first broken entry (its details only if it is this structure's)."""
    report = verify_chain()
    broken = None
    if report.broken_id is not None:
        broken = AccessLogEntry.objects.filter(pk=report.broken_id).first()
    own = broken is not None and broken.structure_public_id == request.membership.structure.public_id
    return render(request, "audit/verify.html", {"report": report, "broken": broken, "broken_is_own": own})
