"""Programmes ("dispositifs") a structure runs, for the direction and the administration."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.accounts.access import check_object_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.structures.models import Country

from .forms import ProgrammeForm
from .models import Programme

PAGE_SIZE = 25


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def rules_summary(programme: Programme) -> list[str]:
    """The rules of the programme's kind, in a few words (they are code, not settings)."""
    rules = programme.rules
    count = len(rules.criteria)
    months = rules.eligibility_validity_months
    parts = [
        ngettext("%(n)s critère d'éligibilité", "%(n)s critères d'éligibilité", count) % {"n": count},
        ngettext("éligibilité valable %(n)s mois", "éligibilité valable %(n)s mois", months) % {"n": months},
    ]
    if rules.max_workers_per_supervisor is not None:
        parts.append(_("au plus %(n)s personnes par encadrant·e technique") % {"n": rules.max_workers_per_supervisor})
    return parts


@dataclass
class ProgrammeRow:
    programme: Programme
    rules: list[str]


@require_membership(Capability.MANAGE_STRUCTURE)
def programme_list(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    queryset = Programme.objects.filter(structure=structure).order_by("-is_active", "name")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [ProgrammeRow(p, rules_summary(p)) for p in page]
    return render(request, "programmes/list.html", {"structure": structure, "page": page, "rows": rows})


@require_membership(Capability.MANAGE_STRUCTURE)
def programme_create(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = ProgrammeForm(_posted(request), structure=structure)
    if request.method == "POST" and form.is_valid():
        programme = form.save()
        messages.success(request, _("Le dispositif « %(name)s » est créé.") % {"name": programme.name})
        return redirect("programmes:list")
    return render(
        request, "programmes/form.html", {"form": form, "programme": None, "country": Country(structure.country).label}
    )


@login_required
def programme_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    programme = get_object_or_404(Programme.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, programme.structure, Capability.MANAGE_STRUCTURE)
    form = ProgrammeForm(_posted(request), instance=programme, structure=programme.structure)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le dispositif « %(name)s » est enregistré.") % {"name": programme.name})
        return redirect("programmes:list")
    return render(
        request,
        "programmes/form.html",
        {"form": form, "programme": programme, "country": Country(programme.structure.country).label},
    )
