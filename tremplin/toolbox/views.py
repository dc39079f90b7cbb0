"""The toolbox: the catalogue counsellors browse and the structure completes, and the one-click "turn into an action"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_object_access, check_pathway_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.barriers.models import Barrier
from tremplin.core.visibility import visibilities_for

from . import services
from .forms import EntrySearchForm, ToolboxEntryForm
from .models import ToolboxEntry

# Who follows people reads the whole toolbox; who writes their plans (and the management) adds local entries.
READERS = (
    Capability.MANAGE_STRUCTURE,
    Capability.EDIT_PEOPLE,
    Capability.VIEW_TEAM_PEOPLE,
    Capability.MANAGE_JOB_COACHING,
)
WRITERS = (Capability.MANAGE_STRUCTURE, Capability.EDIT_PEOPLE)


@require_membership(*READERS)
def entry_list(request: HttpRequest) -> HttpResponse:
    """The whole toolbox (the structure's own entries first, then the built-in ones), searched and paginated."""
    structure = request.membership.structure
    search = EntrySearchForm(request.GET or None)
    criteria = search.cleaned_data if search.is_valid() else {}
    entries = (
        ToolboxEntry.objects.for_structure(structure)
        .search(criteria.get("q", ""), family=criteria.get("famille", ""), domain=criteria.get("frein", ""))
        .select_related("partner")
        .order_by(F("structure_id").asc(nulls_last=True), "title_fr", "id")
    )
    page = Paginator(entries, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "toolbox/entry_list.html",
        {
            "page": page,
            "search": search,
            "is_filtered": any(criteria.values()),
            "page_query": query.urlencode(),
            "can_edit": any(request.membership.can(c) for c in WRITERS),
        },
    )


@require_membership(*WRITERS)
def entry_create(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    if request.method == "POST":
        form = ToolboxEntryForm(request.POST, structure=structure)
        if form.is_valid():
            entry = form.save(commit=False)
            entry.structure = structure
            entry.save()
            messages.success(request, _("Fiche « %(title)s » ajoutée à la boîte à outils.") % {"title": entry.title})
            return redirect("toolbox:entries")
    else:
        form = ToolboxEntryForm(structure=structure)
    return render(request, "toolbox/entry_form.html", {"form": form, "entry": None})


@login_required
def entry_edit(request: HttpRequest, public_id) -> HttpResponse:
    """A structure's own entry; built-in entries are not editable (404: not the structure's record)."""
    entry = get_object_or_404(ToolboxEntry.objects.select_related("structure"), public_id=public_id)
    if entry.structure is None:
        raise Http404
    check_object_access(request, entry.structure, *WRITERS)
    if request.method == "POST":
        form = ToolboxEntryForm(request.POST, instance=entry, structure=entry.structure)
        if form.is_valid():
            form.save()
            messages.success(request, _("Fiche « %(title)s » enregistrée.") % {"title": entry.title})
            return redirect("toolbox:entries")
    else:
        form = ToolboxEntryForm(instance=entry, structure=entry.structure)
    return render(request, "toolbox/entry_form.html", {"form": form, "entry": entry})


@require_POST
@login_required
def to_action(request: HttpRequest, public_id) -> HttpResponse:
    """Turns a suggested entry into an action of the person's plan (barrier public id in POST)."""
    try:
        barrier = Barrier.objects.select_related("pathway__person__structure", "pathway__structure").get(
            public_id=request.POST.get("barrier", "")
        )
    except (Barrier.DoesNotExist, ValidationError, ValueError):
        raise Http404 from None
    membership = check_pathway_access(request, barrier.pathway)
    if barrier.visibility not in visibilities_for(membership):
        raise Http404
    check_pathway_access(request, barrier.pathway, Capability.EDIT_PEOPLE)
    entry = get_object_or_404(ToolboxEntry.objects.for_structure(barrier.pathway.structure), public_id=public_id)
    try:
        action = services.entry_to_action(entry, barrier, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Action « %(title)s » ajoutée au plan, rubrique « %(section)s ».")
            % {"title": action.title, "section": action.get_section_display()},
        )
    return redirect("barriers:list", pathway_id=barrier.pathway.public_id)
