"""Screens on one pathway: open a new one, move its status, name its team.

The eligibility and contract screens move a pathway through their own
services; here are only the counsellor's decisions.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.contracts.services import supervision_warnings
from tremplin.core.forms import add_validation_error

from . import services
from .access import pathway_or_404, person_or_404
from .forms import PathwayOpenForm, StatusChangeForm, TeamForm
from .models import Pathway


def _pathway_for_edit(request: HttpRequest, public_id) -> Pathway:
    """The pathway with its team, for those who edit the file."""
    return pathway_or_404(
        request,
        public_id,
        Capability.EDIT_PEOPLE,
        related=("person__structure", "structure", "programme", "referent", "supervisor", "worksite"),
    )


@login_required
def pathway_open(request: HttpRequest, person_id) -> HttpResponse:
    person = person_or_404(request, person_id, Capability.EDIT_PEOPLE)
    if request.method == "POST":
        form = PathwayOpenForm(request.POST, person=person, user=request.user)
        if form.is_valid():
            try:
                pathway = services.open_pathway(
                    person=person,
                    programme=form.cleaned_data["programme"],
                    by=request.user,
                    referent=form.cleaned_data.get("referent"),
                    referral_source=form.cleaned_data.get("referral_source", ""),
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(
                    request,
                    _("Un nouveau parcours « %(programme)s » est ouvert pour %(name)s.")
                    % {"programme": pathway.programme.name, "name": person.full_name},
                )
                return redirect("people:detail", public_id=person.public_id)
    else:
        form = PathwayOpenForm(person=person, user=request.user)
    return render(request, "pathways/pathway_open.html", {"form": form, "person": person})


@login_required
@reads_personal_data("pathway")
def pathway_status(request: HttpRequest, public_id) -> HttpResponse:
    pathway = _pathway_for_edit(request, public_id)
    allowed = StatusChangeForm.allowed_statuses(pathway)
    if request.method == "POST" and allowed:
        form = StatusChangeForm(request.POST, pathway=pathway)
        if form.is_valid():
            try:
                services.change_status(
                    pathway,
                    form.cleaned_data["to_status"],
                    by=request.user,
                    reason=form.cleaned_data["reason"].strip(),
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(
                    request,
                    _("Nouveau statut enregistré pour %(name)s : « %(status)s ».")
                    % {"name": pathway.person.full_name, "status": pathway.get_status_display()},
                )
                return redirect("people:detail", public_id=pathway.person.public_id)
    else:
        form = StatusChangeForm(pathway=pathway)
    return render(
        request,
        "pathways/pathway_status.html",
        {"form": form, "pathway": pathway, "has_choices": bool(allowed)},
    )


@login_required
@reads_personal_data("pathway")
def pathway_team(request: HttpRequest, public_id) -> HttpResponse:
    pathway = _pathway_for_edit(request, public_id)
    if request.method == "POST":
        form = TeamForm(request.POST, instance=pathway)
        if form.is_valid() and (saved := form.save_unless_changed()) is not None:
            pathway = saved
            messages.success(
                request, _("Équipe du parcours enregistrée pour %(name)s.") % {"name": pathway.person.full_name}
            )
            if pathway.worksite is not None:
                for warning in supervision_warnings(pathway.worksite, pathway.programme):
                    messages.warning(request, warning.message)
            return redirect("people:detail", public_id=pathway.person.public_id)
    else:
        form = TeamForm(instance=pathway)
    return render(request, "pathways/pathway_team.html", {"form": form, "pathway": pathway})
