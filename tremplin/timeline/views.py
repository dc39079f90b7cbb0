from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tremplin.audit.reads import reads_personal_data
from tremplin.pathways.access import pathway_membership_or_404

from .models import EventKind, TimelineEvent

PER_PAGE = 50


@login_required
@reads_personal_data("timeline")
def pathway_timeline(request: HttpRequest, pathway_id) -> HttpResponse:
    """Everything that happened in one pathway, newest first, at the levels the reader may see."""
    pathway, membership = pathway_membership_or_404(request, pathway_id)
    chosen = [kind for kind in request.GET.getlist("kind") if kind in EventKind.values]
    events = TimelineEvent.objects.filter(pathway=pathway).visible_to(membership)
    if chosen:
        events = events.filter(kind__in=chosen)
    page = Paginator(events.order_by("-occurred_at", "-id"), PER_PAGE).get_page(request.GET.get("page"))
    query = "&".join(f"kind={kind}" for kind in chosen)
    # Labels translated once: get_kind_display rebuilds its map of the choices on every call.
    labels = {value: str(label) for value, label in EventKind.choices}
    for event in page.object_list:
        event.kind_label = labels.get(event.kind, event.kind)
    return render(
        request,
        "timeline/pathway_timeline.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "page": page,
            "kinds": [(value, label, value in chosen) for value, label in labels.items()],
            "filter_query": query,
        },
    )
