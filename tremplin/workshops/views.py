"""Collective workshops: the list with the participation counts, planning, inviting, attendance.

Directors, case managers and counsellors (EDIT_PEOPLE) run everything. A staff member who facilitates a
workshop (a technical supervisor, a job coach) opens it and records its attendance: they see the names of
its participants and nothing else of their files. Others of the structure who read all files get 403;
those who may see no one (a partner, a supervisor not facilitating) get 404.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from tremplin.accounts.access import check_object_access, require_membership, saw_people
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import visibilities_for
from tremplin.messaging import services as messaging

from . import services
from .forms import PeriodForm, WorkshopForm
from .models import Attendance, Workshop

PAGE_SIZE = 25


def _workshop_for(request: HttpRequest, public_id: uuid.UUID, *, manage: bool = False):
    workshop = get_object_or_404(
        Workshop.objects.select_related("structure", "facilitator_user", "facilitator_partner"), public_id=public_id
    )
    membership = check_object_access(request, workshop.structure)
    if services.may_manage(membership):
        return workshop, membership
    facilitates = workshop.facilitator_user_id == request.user.pk
    if facilitates and not manage:
        return workshop, membership
    if facilitates or membership.can(Capability.VIEW_ALL_PEOPLE):
        raise PermissionDenied
    raise Http404


def _detail_url(workshop: Workshop) -> str:
    return reverse("workshops:detail", args=[workshop.public_id])


@require_GET
@require_membership()
def workshop_list(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    if not membership.can(Capability.VIEW_TEAM_CALENDAR):
        raise PermissionDenied
    today = timezone.localdate()
    workshops = services.workshops_for(membership).select_related("facilitator_user", "facilitator_partner")
    upcoming = list(workshops.filter(date__gte=today).order_by("date", "start_time", "id")[:PAGE_SIZE])
    past = Paginator(workshops.filter(date__lt=today).order_by("-date", "-start_time", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"upcoming": upcoming, "page": past, "can_manage": services.may_manage(membership)}
    if services.may_manage(membership):
        period_form = PeriodForm(request.GET if ("start" in request.GET or "end" in request.GET) else None)
        start, end = period_form.period()
        context.update(
            period_form=period_form,
            start=start,
            end=end,
            counts=services.participation_counts(membership.structure, start, end),
        )
    return render(request, "workshops/list.html", context)


@require_membership(Capability.EDIT_PEOPLE)
def workshop_create(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = WorkshopForm(request.POST or None, structure=structure)
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.plan_workshop(structure=structure, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Atelier enregistré. Invitez maintenant les participant·es."))
            return redirect("workshops:invite", public_id=workshop.public_id)
    return render(request, "workshops/workshop_form.html", {"form": form, "workshop": None})


@login_required
def workshop_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    workshop, _membership = _workshop_for(request, public_id, manage=True)
    form = WorkshopForm(request.POST or None, instance=workshop, structure=workshop.structure)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved = Workshop.objects.select_related("structure", "facilitator_user").get(pk=workshop.pk)
                before = (saved.date, saved.start_time, saved.place)
                services.update_workshop(saved, **form.cleaned_data)
                updated = 0
                if (saved.date, saved.start_time, saved.place) != before and saved.date >= timezone.localdate():
                    updated = messaging.notify_workshop_change(
                        saved, by=request.user, site_url=request.build_absolute_uri("/")
                    )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Atelier enregistré ; %(n)s personne prévenue du changement.",
                    "Atelier enregistré ; %(n)s personnes prévenues du changement.",
                    updated,
                )
                % {"n": updated}
                if updated
                else _("Atelier enregistré."),
            )
            return redirect(_detail_url(workshop))
    return render(request, "workshops/workshop_form.html", {"form": form, "workshop": workshop})


@require_GET
@login_required
@reads_personal_data("workshop")
def workshop_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    workshop, membership = _workshop_for(request, public_id)
    participants = list(workshop.participants.select_related("pathway__person", "recorded_by"))
    saw_people(request, [p.pathway.person for p in participants], record=workshop)
    return render(
        request,
        "workshops/detail.html",
        {
            "workshop": workshop,
            "participants": participants,
            "shows_notes": workshop.notes_visibility in visibilities_for(membership),
            "can_manage": services.may_manage(membership),
            "can_record": workshop.date <= timezone.localdate(),
            "present": sum(p.attendance == Attendance.PRESENT for p in participants),
        },
    )


@login_required
def invite(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    workshop, _membership = _workshop_for(request, public_id, manage=True)
    candidates = list(
        services.invitable_pathways(workshop)
        .select_related("person", "worksite")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    errors: list[str] = []
    if request.method == "POST":
        wanted = set(request.POST.getlist("pathways"))
        chosen = [p for p in candidates if str(p.public_id) in wanted]
        if wanted - {str(p.public_id) for p in candidates}:
            errors.append(_("Personnes : une des personnes cochées ne peut pas être invitée à cet atelier."))
        else:
            try:
                # The participants and their messages together, or neither.
                with transaction.atomic():
                    added = services.invite(workshop, chosen)
                    written = 0
                    if request.POST.get("send"):
                        written = messaging.invite_participants(
                            added, by=request.user, site_url=request.build_absolute_uri("/")
                        )
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                text = ngettext("%(n)s personne invitée.", "%(n)s personnes invitées.", len(chosen)) % {
                    "n": len(chosen)
                }
                if written:
                    text += " " + ngettext(
                        "%(n)s message envoyé (SMS ou courriel).", "%(n)s messages envoyés (SMS ou courriel).", written
                    ) % {"n": written}
                messages.success(request, text)
                return redirect(_detail_url(workshop))
    return render(
        request,
        "workshops/invite.html",
        {
            "workshop": workshop,
            "candidates": candidates,
            "errors": errors,
            "checked": set(request.POST.getlist("pathways")),
            "send": request.method != "POST" or bool(request.POST.get("send")),
            "has_time": workshop.start_time is not None,
        },
    )


@login_required
def attendance(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Who came: one radio group per participant, saved at once (the facilitator may record it)."""
    workshop, _membership = _workshop_for(request, public_id)
    participants = list(workshop.participants.select_related("pathway__person"))
    errors: list[str] = []
    if request.method == "POST":
        statuses: dict[int, str] = {}
        for participant in participants:
            value = request.POST.get(f"attendance-{participant.public_id}", "")
            if value in Attendance.values:
                statuses[participant.pk] = value
            elif value:
                errors.append(
                    _("%(name)s : choisissez une des présences proposées.") % {"name": participant.pathway.person}
                )
        if not errors:
            try:
                changed = services.record_attendance(workshop, statuses, by=request.user)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                messages.success(
                    request,
                    ngettext(
                        "Présences enregistrées (%(n)s modification).",
                        "Présences enregistrées (%(n)s modifications).",
                        changed,
                    )
                    % {"n": changed},
                )
                return redirect(_detail_url(workshop))
    rows = [
        {
            "participant": p,
            "current": request.POST.get(f"attendance-{p.public_id}", "") if errors else p.attendance,
        }
        for p in participants
    ]
    return render(
        request,
        "workshops/attendance.html",
        {"workshop": workshop, "rows": rows, "errors": errors, "choices": Attendance.choices},
    )
