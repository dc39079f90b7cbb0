"""django-axes hooks: one spelling of the address per account, a limit per account, our own lockout page and
the notice to the account's owner.

Two limits count failed sign-ins in the last AXES_COOLOFF_TIME (settings.AXES_LOCKOUT_PARAMETERS):
- AXES_FAILURE_LIMIT for one address from one IP address locks that pair (the owner elsewhere still signs in);
- TREMPLIN_ACCOUNT_FAILURE_LIMIT for one address from any IP addresses locks the account everywhere, so that
  guesses spread over many addresses are stopped too, and its owner gets one e-mail saying so.
"""

from __future__ import annotations

import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .forms import EmailAuthenticationForm
from .models import User
from .throttle import cache_key

logger = logging.getLogger(__name__)
ACCOUNT_PARAMETER = "username"


def attempted_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The address as the sign-in form compares it: "  A@B.org" and "a@b.org" count as one account."""
    source = credentials if credentials else request.POST
    return (source.get(settings.AXES_USERNAME_FORM_FIELD) or "").strip().lower()


def _limit_of(parameter: str | list[str], failure_limit: int) -> int:
    return settings.TREMPLIN_ACCOUNT_FAILURE_LIMIT if parameter == ACCOUNT_PARAMETER else failure_limit


class AccountLockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler with a limit per lockout parameter combination.

    axes compares one number with one limit (AXES_FAILURE_LIMIT): the largest count over the combinations.
    Here each combination is compared with its own limit, and the number given to axes is the limit itself
    as soon as one combination reached its own, otherwise the largest count kept below the limit.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failure_limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        attempts = self.get_user_attempts(request, credentials)
        counts = [qs.aggregate(total=Sum("failures_since_start"))["total"] or 0 for qs in attempts]
        if any(count >= _limit_of(p, failure_limit) for p, count in zip(parameters, counts, strict=True)):
            return max([failure_limit, *counts])
        return max([min(count, failure_limit - 1) for count in counts], default=0)

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        """A success (AXES_RESET_ON_SUCCESS) clears the failures of its own IP address only.

        axes would clear every combination, the address alone included: the owner signing in would lift
        the lock of an address guessing elsewhere and wipe the guesses counted against the account.
        """
        parameters = get_lockout_parameters(request, credentials)
        attempts = self.filter_user_attempts(request, credentials)
        return sum(qs.delete()[0] for p, qs in zip(parameters, attempts, strict=True) if p != ACCOUNT_PARAMETER)


def lockout_response(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """The sign-in page again, with a message saying why and for how long (HTTP 429).

    The same page whichever limit was reached and whether or not the address has an account.
    """
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


def account_failures(username: str, request: HttpRequest) -> int:
    """Failed sign-ins for this address from any IP address within the cool-off (what the account limit counts)."""
    handler = AccountLockoutHandler()
    credentials = {settings.AXES_USERNAME_FORM_FIELD: username}
    parameters = get_lockout_parameters(request, credentials)
    for parameter, attempts in zip(parameters, handler.get_user_attempts(request, credentials), strict=True):
        if parameter == ACCOUNT_PARAMETER:
            return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
    return 0


def notify_account_locked(request: HttpRequest, username: str) -> None:
    """E-mails the owner, in their language, when their account is locked everywhere: once per lockout.

    axes signals a lockout on every refused attempt; the cache key lives as long as attempts keep coming
    (each one renews it for a cool-off), so a lockout that goes on sends nothing more, a later one does.
    """
    if not username or account_failures(username, request) < settings.TREMPLIN_ACCOUNT_FAILURE_LIMIT:
        return  # only one IP address's lock: the owner can still sign in from elsewhere
    timeout = int(settings.AXES_COOLOFF_TIME.total_seconds())
    key = cache_key("lockout-notice", username)
    if not cache.add(key, 1, timeout):
        cache.touch(key, timeout)
        return
    user = User.objects.filter(email__iexact=username, is_active=True).first()
    if user is None:
        return
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "minutes": timeout // 60,
            "reset_url": request.build_absolute_uri(reverse("accounts:password_reset")),
        }
        subject = render_to_string("accounts/emails/account_locked_subject.txt", context).strip()
        body = render_to_string("accounts/emails/account_locked.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except OSError:  # the lockout itself must not fail because the mail server is away
        logger.exception("Could not send the lockout notice of account %s", user.pk)
