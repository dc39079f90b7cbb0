"""The notification centre, opening a notification (marked read, then on to the place to act) and the digest.

Every member has a centre: it holds only their own notifications in the structure they work in. Opening is a
POST from the centre: someone else's notification answers 404, as if it did not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tremplin.accounts.access import require_membership

from . import digest, services
from .models import Notification

PAGE_SIZE = 30


@require_GET
@require_membership()
def centre(request: HttpRequest) -> HttpResponse:
    """Unread first, then the newest; titles name the person and the event only (the page says no more)."""
    membership = request.membership
    page = Paginator(services.centre(membership), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/centre.html",
        {
            "page": page,
            "unread": services.unread_count(membership),
            "digest": digest.is_subscribed(request.user),
        },
    )


@require_POST
@require_membership()
def open_notification(request: HttpRequest, public_id) -> HttpResponse:
    notification = get_object_or_404(
        Notification, public_id=public_id, recipient=request.user, structure_id=request.membership.structure_id
    )
    url = services.open_notification(notification)
    if not services.is_same_site(url):  # written by notify(), which refuses others: never followed anyway
        raise Http404
    return redirect(url)


@require_POST
@require_membership()
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(request.membership)
    if count:
        messages.success(
            request,
            ngettext("%(n)s notification marquée comme lue.", "%(n)s notifications marquées comme lues.", count)
            % {"n": count},
        )
    return redirect("notifications:centre")


@require_http_methods(["GET", "POST"])
@require_membership()
def digest_choice(request: HttpRequest) -> HttpResponse:
    """The opt-in to the daily e-mail digest: its form (GET, loaded into the profile page after it), saved by
    a POST from there or from the centre."""
    if request.method == "GET":
        target = request.GET.get("next", "")
        return render(
            request,
            "notifications/_digest_form.html",
            {"digest": digest.is_subscribed(request.user), "next": target if services.is_same_site(target) else ""},
        )
    daily = request.POST.get("daily") == "on"
    digest.subscribe(request.user, daily=daily)
    if daily:
        messages.success(request, _("Vous recevrez chaque matin le résumé de vos notifications non lues."))
    else:
        messages.success(request, _("Vous ne recevrez plus le résumé quotidien."))
    target = request.POST.get("next", "")
    return redirect(target if services.is_same_site(target) else "notifications:centre")
