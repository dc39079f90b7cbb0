"""The partners' space: the pathways shared with their organisation, a summary of each, a note, the outcome
of an orientation sent to them.

Partners never use the staff pages (those answer 404 to them). Here, a pathway not shared with their
organisation, or whose consent was withdrawn, or which is closed, answers 404 too. Staff get 403: this
space is not theirs. Every read of a summary is logged.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_object_access, saw_pathway
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.orientations import services as orientation_services
from tremplin.orientations.models import PARTNER_STATUSES, Orientation
from tremplin.pathways.access import pathway_of_member_or_404

from . import services
from .forms import NoteForm, OutcomeForm


def home_context(request: HttpRequest) -> dict:
    """For the partner's home page (dashboards) and this space's list: the pathways shared with them."""
    membership = request.membership
    account = services.account_for(membership)
    return {
        "membership": membership,
        "account": account,
        "shares": list(services.shared_pathways(account)),
    }


@login_required
def home(request: HttpRequest) -> HttpResponse:
    from django.core.exceptions import PermissionDenied

    if request.membership is None:
        raise PermissionDenied
    return render(request, "partner_portal/home.html", home_context(request))


def _pathway_for_partner(request: HttpRequest, pathway_id: uuid.UUID):
    """The pathway, if shared with the partner's organisation (404 otherwise: see services.share_for)."""
    pathway, membership = pathway_of_member_or_404(request, pathway_id)
    account = services.account_for(membership)
    share = services.share_for(account, pathway)
    saw_pathway(request, pathway, record=share)
    return pathway, account, share


def _page(request, pathway, account, share, note_form=None):
    summary = services.summary(share)
    return render(
        request,
        "partner_portal/pathway.html",
        {
            "pathway": pathway,
            "account": account,
            "share": share,
            "summary": summary,
            "note_form": note_form or NoteForm(),
            "awaiting": [o for o in summary.orientations if services.is_awaiting_partner(o)],
        },
    )


@login_required
@reads_personal_data("partner_summary")
def pathway_summary(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, account, share = _pathway_for_partner(request, pathway_id)
    return _page(request, pathway, account, share)


@require_POST
@login_required
@reads_personal_data("partner_summary")
def note_add(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, account, share = _pathway_for_partner(request, pathway_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_note(share=share, text=form.cleaned_data["text"], by=request.user)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Note ajoutée : l'équipe qui accompagne la personne la verra."))
            return redirect("partner_portal:pathway", pathway.public_id)
    return _page(request, pathway, account, share, note_form=form)


@login_required
@reads_personal_data("partner_summary")
def orientation_outcome(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    orientation = get_object_or_404(
        Orientation.objects.select_related("pathway__person", "pathway__structure", "organisation", "service"),
        public_id=public_id,
    )
    membership = check_object_access(request, orientation.pathway.structure)
    account = services.account_for(membership)
    services.orientation_for(account, orientation)
    saw_pathway(request, orientation.pathway, record=orientation)
    allowed = orientation_services.orientation_transitions(orientation) & set(PARTNER_STATUSES)
    form = OutcomeForm(request.POST or None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        outcome = form.cleaned_data.get("outcome", "")
        try:
            orientation_services.change_status(
                orientation,
                form.cleaned_data["status"],
                by=request.user,
                by_partner=True,
                appointment_on=form.cleaned_data.get("appointment_on"),
                note=outcome,
                outcome=outcome,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Merci : l'équipe qui accompagne la personne est informée."))
            return redirect("partner_portal:pathway", orientation.pathway.public_id)
    return render(
        request,
        "partner_portal/outcome_form.html",
        {"form": form, "orientation": orientation, "pathway": orientation.pathway},
    )
