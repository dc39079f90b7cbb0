"""Structure settings and worksites, for the direction and the administration (MANAGE_STRUCTURE).

They live above the foundation: they check access (accounts) and show each worksite's load (contracts),
while `structures` holds only the models. Their URLs keep the `structures:` namespace (structure_urls.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tremplin.accounts.access import check_object_access, require_membership
from tremplin.accounts.models import User
from tremplin.accounts.roles import Capability
from tremplin.contracts.services import ratio_warning, supervision_limit, worksites_with_load
from tremplin.structures.models import Worksite

from .forms import StructureSettingsForm, WorksiteForm

PAGE_SIZE = 25


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


@require_membership(Capability.MANAGE_STRUCTURE)
def structure_settings(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = StructureSettingsForm(
        _posted(request), instance=structure, can_set_mfa=request.membership.can(Capability.SET_SIGN_IN_POLICY)
    )
    if request.method == "POST" and form.is_valid() and form.save_unless_changed() is not None:
        messages.success(request, _("Les informations de la structure sont enregistrées."))
        return redirect("structures:settings")
    return render(request, "structures/settings.html", {"form": form, "structure": structure})


@dataclass
class WorksiteRow:
    worksite: Worksite
    warning: str


@require_membership(Capability.MANAGE_STRUCTURE)
def worksites(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    limit = supervision_limit(structure)
    queryset = (
        worksites_with_load(structure)
        .prefetch_related(Prefetch("supervisors", queryset=User.objects.order_by("last_name", "first_name", "email")))
        .order_by("name")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [WorksiteRow(w, ratio_warning(w.workers, w.supervisor_count, limit)) for w in page]
    return render(
        request,
        "structures/worksites.html",
        {"structure": structure, "page": page, "rows": rows, "limit": limit},
    )


def _save_worksite(request: HttpRequest, form: WorksiteForm) -> Worksite | None:
    """Saves, or puts a clear message on the name if another worksite took it in the meantime."""
    try:
        with transaction.atomic():
            return form.save_unless_changed()
    except IntegrityError:
        form.add_error(
            "name", _("Un chantier ou atelier de votre structure porte déjà ce nom : choisissez un autre nom.")
        )
        return None


@require_membership(Capability.MANAGE_STRUCTURE)
def worksite_create(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = WorksiteForm(_posted(request), structure=structure)
    if request.method == "POST" and form.is_valid():
        worksite = _save_worksite(request, form)
        if worksite is not None:
            messages.success(request, _("Le chantier « %(name)s » est créé.") % {"name": worksite.name})
            return redirect("structures:worksites")
    return render(request, "structures/worksite_form.html", {"form": form, "worksite": None})


@login_required
def worksite_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    worksite = get_object_or_404(Worksite.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, worksite.structure, Capability.MANAGE_STRUCTURE)
    form = WorksiteForm(_posted(request), instance=worksite, structure=worksite.structure)
    if request.method == "POST" and form.is_valid():
        saved = _save_worksite(request, form)
        if saved is not None:
            messages.success(request, _("Le chantier « %(name)s » est enregistré.") % {"name": saved.name})
            return redirect("structures:worksites")
    return render(request, "structures/worksite_form.html", {"form": form, "worksite": worksite})
