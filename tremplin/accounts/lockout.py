"""django-axes hooks: one spelling of the address per account, and our own lockout page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .forms import EmailAuthenticationForm


def attempted_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The address as the sign-in form compares it: "  A@B.org" and "a@b.org" count as one account."""
    source = credentials if credentials else request.POST
    return (source.get(settings.AXES_USERNAME_FORM_FIELD) or "").strip().lower()


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or the address our TREMPLIN_PROXY_COUNT proxies saw, never one the client wrote itself.

    Each proxy appends the address it received the request from to X-Forwarded-For: the entry
    TREMPLIN_PROXY_COUNT from the end is the client as seen by the outermost proxy.
    """
    count = getattr(settings, "TREMPLIN_PROXY_COUNT", 0)
    if count:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """The sign-in page again, with a message saying why and for how long (HTTP 429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = EmailAuthenticationForm(request, initial={"username": attempted_username(request, credentials)})
    message = _(
        "Trop de tentatives de connexion ont échoué pour cette adresse : par sécurité, la connexion est bloquée "
        "pendant %(minutes)s minutes. Réessayez plus tard ou choisissez un nouveau mot de passe avec "
        "« Mot de passe oublié »."
    ) % {"minutes": minutes}
    return render(
        request,
        "accounts/login.html",
        {"form": form, "locked_out_message": message, "next": request.POST.get("next", "")},
        status=429,
    )
