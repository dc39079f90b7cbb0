"""Second sign-in factor: status page, enrolment (time-based codes + recovery codes), the second sign-in step.

These pages are about the signed-in user only: no structure, no record of
anyone else. The second step itself is enforced by SecondFactorMiddleware;
the password step stays Django's LoginView.
"""

from __future__ import annotations

import time
from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from tremplin.core.qr import qr_svg

from .forms_mfa import PasswordConfirmForm, TotpCodeForm, VerifyCodeForm
from .signals import sync_second_factor_of

RECOVERY_CODE_COUNT = 10
# The secret being set up lives in the session until confirmed: showing the page writes nothing to the database.
ENROL_KEY_SESSION = "mfa_enrol_key"


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _structures_requiring_mfa(request: HttpRequest) -> list[str]:
    return [m.structure.name for m in request.memberships if m.structure.mfa_required]


def _new_recovery_codes(user) -> list[str]:
    """Replaces the user's recovery codes by RECOVERY_CODE_COUNT new ones (shown once, each usable once)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": "recovery"})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _qr_svg(url: str) -> SafeString:
    # An image with a text alternative for screen readers; the secret is also printed in text.
    return qr_svg(url, _("QR code à scanner avec votre application d'authentification"))


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
def mfa(request: HttpRequest) -> HttpResponse:
    """Status of the second factor; POST regenerates the recovery codes or, with the password, disables it."""
    user = request.user
    has_totp = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    required_by = _structures_requiring_mfa(request)
    action = request.POST.get("action") if request.method == "POST" else None
    disable_form = PasswordConfirmForm(_posted(request) if action == "disable" else None, user=user)

    if action == "regenerate" and has_totp and user.is_verified():
        codes = _new_recovery_codes(user)
        return render(request, "accounts/mfa_codes.html", {"codes": codes, "regenerated": True})
    if action == "disable" and has_totp and disable_form.is_valid():
        if required_by:
            disable_form.add_error(
                None,
                _(
                    "Votre structure (%(structures)s) exige la double authentification : elle ne peut pas être désactivée."
                )
                % {"structures": ", ".join(required_by)},
            )
        else:
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            messages.success(request, _("La double authentification est désactivée pour votre compte."))
            return redirect("accounts:mfa")

    recovery_count = StaticToken.objects.filter(device__user=user).count() if has_totp else 0
    return render(
        request,
        "accounts/mfa.html",
        {
            "has_totp": has_totp,
            "recovery_count": recovery_count,
            "required_by": required_by,
            "disable_form": disable_form,
        },
    )


@login_required
def mfa_enrol(request: HttpRequest) -> HttpResponse:
    """Shows a new secret (QR code and text); typing a valid code confirms it and gives the recovery codes."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        if not user.is_verified():
            # Set up in another session: this one gives a code like any other sign-in.
            return redirect(f"{reverse('accounts:mfa_verify')}?{urlencode({'next': _safe_next(request)})}")
        messages.info(request, _("La double authentification est déjà activée pour votre compte."))
        return redirect("accounts:mfa")
    key = request.session.get(ENROL_KEY_SESSION)
    if not key:
        key = random_hex(20)
        request.session[ENROL_KEY_SESSION] = key
    device = TOTPDevice(user=user, name=_("Application d'authentification"), key=key, confirmed=False)

    form = TotpCodeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        if totp.verify(int(form.cleaned_data["code"]), tolerance=device.tolerance):
            with transaction.atomic():
                device.confirmed = True
                device.drift = totp.drift
                device.last_t = totp.t()  # this code cannot be used again to sign in
                device.save()
                codes = _new_recovery_codes(user)
            otp_login(request, device)
            del request.session[ENROL_KEY_SESSION]
            return render(request, "accounts/mfa_codes.html", {"codes": codes, "regenerated": False})
        form.add_error(
            "code",
            _(
                "Ce code ne correspond pas : vérifiez que l'heure de votre téléphone est exacte et saisissez le code "
                "affiché en ce moment."
            ),
        )

    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/mfa_enrol.html",
        {"form": form, "qr_svg": _qr_svg(device.config_url), "secret": _grouped(secret)},
    )


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return settings.LOGIN_REDIRECT_URL


@login_required
def mfa_verify(request: HttpRequest) -> HttpResponse:
    """Second sign-in step: a code of the authentication app, or one recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(_safe_next(request))
    if not any(devices_for_user(user)):
        if user.has_second_factor:
            # Devices removed behind the signals' back (a bulk update): correct the flag, or the middleware
            # would send the user back here for ever.
            sync_second_factor_of(user)
        return redirect(settings.LOGIN_REDIRECT_URL)

    form = VerifyCodeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        with transaction.atomic():
            # Each device counts its own failures and slows down guessing (django-otp throttling).
            # Six digits are a code of the app; anything else can only be a recovery code.
            kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
            candidates = (d for d in devices_for_user(user, for_verify=True) if isinstance(d, kind))
            verified = next((device for device in candidates if device.verify_token(code)), None)
        if verified is not None:
            otp_login(request, verified)
            if isinstance(verified, StaticDevice):
                left = verified.token_set.count()
                messages.warning(
                    request,
                    _("Vous avez utilisé un code de secours ; il vous en reste %(count)s.") % {"count": left},
                )
            return redirect(_safe_next(request))
        form.add_error(
            "code",
            _(
                "Ce code n'est pas valable : saisissez le code affiché en ce moment par votre application, ou un "
                "code de secours pas encore utilisé. Après plusieurs erreurs, un délai s'applique avant le prochain essai."
            ),
        )
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": next_url})
