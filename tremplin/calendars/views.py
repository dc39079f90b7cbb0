"""The agenda: a week and a day of one's appointments, a colleague's for those who may, and the private feed.

Every member of the team has an agenda (VIEW_TEAM_CALENDAR); choosing a colleague's needs
VIEW_COLLEAGUES_CALENDARS, and a colleague of another structure answers 404. The feed is read without a
session, by its secret token, and answers 404 once revoked or regenerated.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.access import require_membership, saw_people
from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Capability, Responsibility
from tremplin.audit.reads import reads_personal_data

from . import services

PART = "calendar"


def _day(request: HttpRequest) -> datetime.date:
    value = request.GET.get("jour", "")
    if not value:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        messages.warning(request, _("Jour : date attendue au format AAAA-MM-JJ ; voici aujourd'hui."))
        return timezone.localdate()


def _owner(request: HttpRequest) -> Membership:
    """The member whose agenda is shown: oneself, or a colleague of the same structure for those who may."""
    reader = request.membership
    chosen = request.GET.get("membre", "")
    if not chosen or chosen == str(reader.public_id):
        return reader
    try:
        owner = Membership.objects.active().select_related("user").get(public_id=chosen, structure=reader.structure)
    except (Membership.DoesNotExist, ValidationError):
        raise Http404 from None
    if not reader.can(Capability.VIEW_COLLEAGUES_CALENDARS):
        raise PermissionDenied
    return owner


def _context(request: HttpRequest, owner: Membership, start: datetime.date, end: datetime.date) -> dict:
    reader = request.membership
    found = services.entries(owner.user_id, reader.structure, reader, start, end)
    saw_people(request, {entry.person.pk: entry.person for entry in found if entry.person is not None}.values())
    colleagues = []
    if reader.can(Capability.VIEW_COLLEAGUES_CALENDARS):
        colleagues = list(
            Membership.objects.holding(Responsibility.SUPPORT)
            .filter(structure=reader.structure)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "pk")
        )
    is_own = owner.pk == reader.pk
    return {
        "owner": owner,
        "is_own": is_own,
        "member_param": "" if is_own else str(owner.public_id),
        "colleagues": colleagues,
        "days": services.by_day(found, start, end),
        "count": len(found),
        "today": timezone.localdate(),
        "has_feed": is_own and services.has_feed(request.user, reader.structure),
    }


@require_GET
@require_membership(Capability.VIEW_TEAM_CALENDAR)
@reads_personal_data(PART)
def week(request: HttpRequest) -> HttpResponse:
    day = _day(request)
    owner = _owner(request)
    start, end = services.week_of(day)
    context = _context(request, owner, start, end)
    context |= {
        "start": start,
        "last": end - datetime.timedelta(days=1),
        "previous": start - datetime.timedelta(days=7),
        "next": end,
    }
    return render(request, "calendars/week.html", context)


@require_GET
@require_membership(Capability.VIEW_TEAM_CALENDAR)
@reads_personal_data(PART)
def day(request: HttpRequest) -> HttpResponse:
    day = _day(request)
    owner = _owner(request)
    context = _context(request, owner, day, day + datetime.timedelta(days=1))
    context |= {
        "day": day,
        "previous": day - datetime.timedelta(days=1),
        "next": day + datetime.timedelta(days=1),
    }
    return render(request, "calendars/day.html", context)


@require_POST
@require_membership(Capability.VIEW_TEAM_CALENDAR)
def feed_manage(request: HttpRequest) -> HttpResponse:
    """Creates, regenerates or revokes one's own feed. A new address is shown once: only its hash is kept."""
    action = request.POST.get("action", "")
    structure = request.membership.structure
    if action == "revoke":
        if services.revoke_feed(request.user, structure):
            messages.success(request, _("Le flux d'agenda est révoqué : son adresse ne fonctionne plus."))
        return redirect("calendars:week")
    if action not in ("create", "regenerate"):
        messages.error(request, _("Action : choisissez créer, renouveler ou révoquer le flux."))
        return redirect("calendars:week")
    token = services.issue_feed(request.user, structure)
    url = request.build_absolute_uri(reverse("calendars:feed", args=[token]))
    return render(request, "calendars/feed_created.html", {"url": url, "regenerated": action == "regenerate"})


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The iCal feed, by token alone: what its owner may see, titled by kind and initials only."""
    calendar_feed = services.feed_for_token(token)
    if calendar_feed is None:
        raise Http404
    membership = (
        Membership.objects.active()
        .filter(user=calendar_feed.user, structure=calendar_feed.structure, user__is_active=True)
        .select_related("structure", "user")
        .first()
    )
    if membership is None or not membership.can(Capability.VIEW_TEAM_CALENDAR):
        raise Http404
    body = services.ical(
        services.feed_entries(calendar_feed, membership),
        site_url=request.build_absolute_uri("/"),
        calendar_name=f"Tremplin — {calendar_feed.structure.name}",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="tremplin.ics"'
    return response
