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
