"""Worksite observations, phone first: quick capture, the counsellor's inbox, the supervisor's list, team attendance."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.access import check_pathway_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import visibilities_for
from tremplin.pathways.access import pathway_membership_or_404, pathway_or_404
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway, Status
from tremplin.people.views import require_people_capability

from .forms import STATUS_CHOICES, AttendanceDayForm, ObservationForm
from .models import AttendanceRecord, AttendanceStatus, Category, Observation
from .services import acknowledge as acknowledge_observation
from .services import record_attendance

PAGE_SIZE = 25
WRITERS = (Capability.EDIT_PEOPLE, Capability.VIEW_TEAM_PEOPLE)
PART = "observations"


def _page(request: HttpRequest, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _writable_pathways(membership) -> QuerySet[Pathway]:
    """People the member may write about: their team for a supervisor, everyone followed for the social staff."""
    pathways = Pathway.objects.filter(structure_id=membership.structure_id, status__in=ACTIVE_STATUSES)
    if membership.can(Capability.EDIT_PEOPLE):
        return pathways.filter(status=Status.IN_CONTRACT)
    return pathways.filter(pk__in=Pathway.objects.for_team_of(membership.user).values("pk"))


def _team(membership) -> QuerySet[Pathway]:
    """The supervisor's team at work, alphabetical: people in contract, not those whose contract is still
    to start (their pathway moves into contract on its first day) nor those who already left."""
    return (
        Pathway.objects.for_team_of(membership.user)
        .filter(structure_id=membership.structure_id, status=Status.IN_CONTRACT)
        .select_related("person", "worksite")
        .order_by("person__last_name", "person__first_name", "pk")
    )


@require_people_capability(*WRITERS)
@reads_personal_data(PART)
def quick(request: HttpRequest) -> HttpResponse:
    """Three screens, each one tap: the person, the category, then the short text and "Enregistrer"."""
    membership = request.membership
    pathway_id = request.GET.get("pathway")
    if not pathway_id:
        if request.method == "POST":
            raise Http404
        pathways = _writable_pathways(membership).select_related("person", "worksite")
        pathways = pathways.order_by("person__last_name", "person__first_name", "pk")
        return render(request, "observations/quick_person.html", {"page": _page(request, pathways)})
    # 404 to anyone who may not write about that person, whatever the parameter holds.
    pathway = pathway_or_404(request, pathway_id, *WRITERS, related=("person", "structure"))
    category = request.GET.get("category", "")
    if request.method != "POST" and category not in Category.values:
        return render(request, "observations/quick_category.html", {"pathway": pathway, "categories": Category.choices})
    form = ObservationForm(
        request.POST if request.method == "POST" else None,
        membership=membership,
        initial={"category": category, "observed_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        observation = form.save(commit=False)
        observation.pathway = pathway
        observation.author = request.user
        try:
            observation.full_clean()
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            observation.save()
            messages.success(request, _("Observation enregistrée."))
            return redirect("observations:mine")
    return render(
        request,
        "observations/quick_form.html",
        {"pathway": pathway, "form": form, "category_label": dict(Category.choices).get(category, "")},
    )


def _with_people(observations: QuerySet) -> QuerySet:
    return observations.select_related("pathway__person", "author", "acknowledged_by")


@require_GET
@require_people_capability(Capability.EDIT_PEOPLE)
def inbox(request: HttpRequest) -> HttpResponse:
    """Flagged observations for the counsellor (their people) or the whole structure (case managers, directors)."""
    observations = _with_people(Observation.objects.inbox_of(request.membership)).order_by(
        F("acknowledged_at").asc(nulls_first=True), "-observed_on", "-created_at", "-pk"
    )
    unread = observations.filter(acknowledged_at__isnull=True).count()
    return render(request, "observations/inbox.html", {"page": _page(request, observations), "unread": unread})


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@require_POST
@login_required
def acknowledge(request: HttpRequest, public_id) -> HttpResponse:
    observation = get_object_or_404(Observation.objects.select_related("pathway__structure"), public_id=public_id)
    membership = check_pathway_access(request, observation.pathway, Capability.EDIT_PEOPLE)
    if observation.visibility not in visibilities_for(membership):
        raise Http404
    acknowledge_observation(observation, by=request.user)
    messages.success(request, _("Observation marquée comme vue."))
    return redirect(_safe_next(request, reverse("observations:inbox")))


@require_GET
@require_people_capability(*WRITERS)
def mine(request: HttpRequest) -> HttpResponse:
    """The author's recent observations, with who read the flagged ones and when."""
    membership = request.membership
    observations = Observation.objects.of_structure(membership).visible_to(membership).filter(author=request.user)
    observations = _with_people(observations).order_by("-observed_on", "-created_at", "-pk")
    return render(request, "observations/mine.html", {"page": _page(request, observations)})


@require_GET
@login_required
@reads_personal_data(PART)
def pathway_list(request: HttpRequest, pathway_id) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(request, pathway_id, *WRITERS)
    observations = _with_people(
        Observation.objects.of_structure(membership).visible_to(membership).filter(pathway=pathway)
    ).order_by("-observed_on", "-created_at", "-pk")
    return render(request, "observations/list.html", {"pathway": pathway, "page": _page(request, observations)})


def _day_from(value: str | None) -> datetime.date | None:
    if not value:
        return timezone.localdate()
    form = AttendanceDayForm({"day": value})
    return form.cleaned_data["day"] if form.is_valid() else None


@require_people_capability(Capability.VIEW_TEAM_PEOPLE)
def attendance(request: HttpRequest) -> HttpResponse:
    """The whole team's attendance for one day, one radio group per person, saved at once."""
    membership = request.membership
    team = list(_team(membership))
    source = request.POST if request.method == "POST" else request.GET
    day = _day_from(source.get("day"))
    errors: list[str] = []
    if day is None:
        errors.append(_("Jour : saisissez une date valide."))
        day = timezone.localdate()
    elif day > timezone.localdate():
        errors.append(_("Jour : la présence ne peut pas être saisie pour un jour à venir."))
    posted: dict[int, str] = {}
    if request.method == "POST" and not errors:
        for pathway in team:
            value = request.POST.get(f"status-{pathway.public_id}", "")
            if value in AttendanceStatus.values:
                posted[pathway.pk] = value
            elif value:
                errors.append(_("%(name)s : choisissez une des présences proposées.") % {"name": pathway.person})
        if not errors:
            try:
                record_attendance(pathways=team, day=day, statuses=posted, by=request.user)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                messages.success(request, _("Présences enregistrées."))
                return redirect(f"{reverse('observations:attendance')}?day={day.isoformat()}")
    recorded = dict(
        AttendanceRecord.objects.filter(pathway__in=[p.pk for p in team], day=day).values_list("pathway_id", "status")
    )
    rows = []
    for pathway in team:
        current = request.POST.get(f"status-{pathway.public_id}", "") if errors else recorded.get(pathway.pk, "")
        rows.append({"pathway": pathway, "current": current, "recorded": pathway.pk in recorded})
    missing = [row["pathway"] for row in rows if not row["recorded"]]
    return render(
        request,
        "observations/attendance.html",
        {
            "rows": rows,
            "day": day,
            "is_today": day == timezone.localdate(),
            "missing": missing,
            "choices": STATUS_CHOICES,
            "errors": errors,
            "today": timezone.localdate(),
        },
    )
