"""Account views: profile, interface language, current structure, team management.

Sign-in, sign-out and password reset are Django's own views, configured in urls.py.
"""

from __future__ import annotations

import uuid
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .access import check_object_access, require_membership
from .emails import send_invitation
from .forms import MemberAddForm, MemberEditForm, ProfileForm
from .middleware import SESSION_KEY
from .models import Membership
from .roles import Capability

PAGE_SIZE = 25


def _posted(request: HttpRequest):
    """The POST data on a POST, None on a GET (an empty POST is still a submitted, invalid form)."""
    return request.POST if request.method == "POST" else None


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own name, phone and interface language."""
    form = ProfileForm(_posted(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        if user.language:
            translation.activate(user.language)
        messages.success(request, _("Votre profil est enregistré."))
        response = redirect("accounts:profile")
        if user.language:
            _set_language_cookie(response, user.language)
        return response
    return render(request, "accounts/profile.html", {"form": form})


@require_POST
@login_required
def set_language(request: HttpRequest) -> HttpResponse:
    """Saves the interface language on the account, so that it follows the user on every device."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(
            _("Langue inconnue : choisissez une des langues proposées."), content_type="text/plain; charset=utf-8"
        )
    request.user.language = language
    request.user.save(update_fields=["language"])
    translation.activate(language)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("dashboards:home")
    response = redirect(next_url)
    _set_language_cookie(response, language)
    return response


@login_required
def switch_structure(request: HttpRequest) -> HttpResponse:
    """Lists the user's structures (GET) and makes one the current structure (POST)."""
    memberships = Membership.objects.active().filter(user=request.user).select_related("structure")
    if request.method == "POST":
        try:
            chosen = uuid.UUID(request.POST.get("structure", ""))
        except ValueError:
            raise Http404 from None
        membership = get_object_or_404(memberships, structure__public_id=chosen)
        request.session[SESSION_KEY] = str(membership.structure.public_id)
        messages.success(
            request, _("Vous travaillez maintenant pour %(structure)s.") % {"structure": membership.structure.name}
        )
        return redirect("dashboards:home")
    return render(
        request,
        "accounts/switch_structure.html",
        {"memberships": memberships.order_by("structure__name"), "current": request.membership},
    )


@require_membership(Capability.MANAGE_MEMBERS)
def members(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    queryset = (
        Membership.objects.filter(structure=structure)
        .select_related("user")
        .order_by("-is_active", "user__last_name", "user__first_name", "user__email")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/members.html", {"structure": structure, "page": page})


@require_membership(Capability.MANAGE_MEMBERS)
def member_add(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = MemberAddForm(_posted(request), structure=structure, acting=request.membership)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                membership, created = form.save()
        except IntegrityError:
            # The same address was added at the same moment by someone else.
            form.add_error("email", _("Cette adresse vient d'être ajoutée à l'équipe : actualisez la liste."))
        else:
            if created:
                transaction.on_commit(
                    partial(send_invitation, request, membership.user, structure, request.user), robust=True
                )
                messages.success(
                    request,
                    _(
                        "%(name)s a rejoint l'équipe. Une invitation à choisir un mot de passe a été envoyée à %(email)s."
                    )
                    % {"name": membership.user, "email": membership.user.email},
                )
            else:
                messages.success(
                    request,
                    _("%(name)s, qui avait déjà un compte, a rejoint l'équipe.") % {"name": membership.user},
                )
            return redirect("accounts:members")
    return render(request, "accounts/member_add.html", {"form": form, "structure": structure})


@login_required
def member_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    target = get_object_or_404(Membership.objects.select_related("user", "structure"), public_id=public_id)
    acting = check_object_access(request, target.structure, Capability.MANAGE_MEMBERS)
    form = MemberEditForm(_posted(request), instance=target, acting=acting)
    if request.method == "POST" and form.is_valid() and form.save_unless_changed() is not None:
        messages.success(request, _("Le rôle de %(name)s est enregistré.") % {"name": target.user})
        return redirect("accounts:members")
    return render(request, "accounts/member_edit.html", {"form": form, "target": target})
