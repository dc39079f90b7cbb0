"""Handovers: the new référent's inbox, bulk reassignment with notes, each handover with the people's summary.

The social staff (EDIT_PEOPLE) hand people over and read the structure's handovers; only the new référent
acknowledges one. Other roles get 403 (these pages are about the structure's organisation).
"""

from __future__ import annotations

import datetime
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.access import check_object_access, require_membership, saw_people
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import visibilities_for
from tremplin.review_meetings.services import FLAGGED_OBSERVATION_DAYS, summary_pathways

from . import services
from .forms import HandoverForm, SourceForm
from .models import Handover, HandoverKind

PAGE_SIZE = 25


@require_GET
@require_membership(Capability.EDIT_PEOPLE)
def inbox(request: HttpRequest) -> HttpResponse:
    """What was handed to me (not yet read first), then the structure's history of handovers."""
    membership = request.membership
    handovers = Handover.objects.filter(structure_id=membership.structure_id).select_related(
        "from_user", "from_worksite", "to_referent", "to_worksite", "created_by"
    )
    received = list(
        handovers.filter(to_referent=request.user).order_by(F("acknowledged_at").asc(nulls_first=True), "-created_at")[
            :PAGE_SIZE
        ]
    )
    history = Paginator(handovers.order_by("-created_at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "handover/inbox.html",
        {
            "received": received,
            "unread": sum(h.acknowledged_at is None for h in received),
            "page": history,
        },
    )


@require_membership(Capability.EDIT_PEOPLE)
def create(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    source_form = SourceForm(request.GET if "source" in request.GET else None, structure=structure)
    context: dict = {"source_form": source_form}
    if source_form.is_bound and source_form.is_valid():
        kind, source = source_form.chosen()
        if kind == "referent":
            pathways = services.pathways_of_referent(structure, source.user)
            from_user, from_worksite = source.user, None
        else:
            pathways = services.pathways_of_worksite(structure, source)
            from_user, from_worksite = None, source
        pathways = list(
            pathways.select_related("person", "worksite", "referent").order_by(
                "person__last_name", "person__first_name", "pk"
            )
        )
        form = HandoverForm(request.POST or None, structure=structure, kind=kind)
        checked = set(request.POST.getlist("pathways")) if request.method == "POST" else None
        errors: list[str] = []
        if request.method == "POST":
            chosen = [p for p in pathways if str(p.public_id) in checked]
            if checked - {str(p.public_id) for p in pathways}:
                errors.append(_("Personnes : une des personnes cochées ne peut pas être confiée ici."))
            elif form.is_valid():
                try:
                    handover = services.hand_over(
                        structure=structure,
                        kind=HandoverKind.REFERENT if kind == "referent" else HandoverKind.WORKSITE,
                        pathways=chosen,
                        to_referent=form.cleaned_data["to_referent"],
                        to_worksite=form.cleaned_data.get("to_worksite"),
                        to_supervisor=form.cleaned_data.get("to_supervisor"),
                        note=form.cleaned_data.get("note", ""),
                        notes={p.pk: request.POST.get(f"note-{p.public_id}", "")[:4000] for p in chosen},
                        from_user=from_user,
                        from_worksite=from_worksite,
                        by=request.user,
                    )
                except ValidationError as error:
                    if "pathways" in error.message_dict:
                        errors.extend(error.message_dict.pop("pathways"))
                    add_validation_error(form, ValidationError(error.message_dict))
                else:
                    messages.success(
                        request,
                        ngettext(
                            "%(n)s personne confiée à %(name)s.", "%(n)s personnes confiées à %(name)s.", len(chosen)
                        )
                        % {"n": len(chosen), "name": handover.to_referent},
                    )
                    return redirect("handover:detail", public_id=handover.public_id)
        context.update(
            kind=kind,
            source=source,
            pathways=[
                {
                    "pathway": p,
                    "checked": checked is None or str(p.public_id) in checked,
                    "note": request.POST.get(f"note-{p.public_id}", ""),
                }
                for p in pathways
            ],
            form=form,
            errors=errors,
        )
    return render(request, "handover/create.html", context)


def _handover_for(request: HttpRequest, public_id: uuid.UUID):
    handover = get_object_or_404(
        Handover.objects.select_related(
            "structure", "from_user", "from_worksite", "to_referent", "to_worksite", "to_supervisor", "created_by"
        ),
        public_id=public_id,
    )
    membership = check_object_access(request, handover.structure, Capability.EDIT_PEOPLE)
    return handover, membership


@require_GET
@login_required
@reads_personal_data("handover")
def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Each person handed over with their summary and the note about them: what the new référent reads first."""
    handover, membership = _handover_for(request, public_id)
    readable = visibilities_for(membership)
    since = timezone.localdate() - datetime.timedelta(days=FLAGGED_OBSERVATION_DAYS)
    items = list(
        handover.items.select_related("previous_referent", "previous_worksite", "previous_supervisor").prefetch_related(
            Prefetch("pathway", queryset=summary_pathways(readable, since))
        )
    )
    saw_people(request, [item.pathway.person for item in items], record=handover)
    return render(
        request,
        "handover/detail.html",
        {"handover": handover, "items": items, "can_acknowledge": handover.to_referent_id == request.user.pk},
    )


@require_POST
@login_required
def acknowledge(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    handover, _membership = _handover_for(request, public_id)
    try:
        services.acknowledge(handover, by=request.user)
    except ValidationError:
        raise PermissionDenied from None
    messages.success(request, _("Passation marquée comme lue."))
    return redirect("handover:inbox")
