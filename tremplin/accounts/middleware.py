import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Membership

SESSION_KEY = "current_structure"


class CurrentMembershipMiddleware:
    """Sets `request.membership`: the membership of the structure the user is working in.

    The current structure is kept in the session; a user with one structure
    never has to choose.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        request.memberships = []
        if request.user.is_authenticated:
            # One query for all the user's structures: the header needs them too (structure switcher).
            memberships = list(Membership.objects.active().filter(user=request.user).select_related("structure"))
            chosen = request.session.get(SESSION_KEY)
            current = next((m for m in memberships if str(m.structure.public_id) == chosen), None)
            request.membership = current or (memberships[0] if memberships else None)
            request.memberships = memberships
            if request.user.language:
                translation.activate(request.user.language)
                request.LANGUAGE_CODE = request.user.language
        return self.get_response(request)


# Session key of the idle timeout (set at sign-in by signals.remember_sign_in).
LAST_ACTIVITY_KEY = "last_activity"
# The last activity is rewritten at most this often, so that pages do not gain a query.
ACTIVITY_WRITE_INTERVAL = 60


def _is_exempt(path: str) -> bool:
    """Pages a half-signed-in user may still reach: signing out, the second step, static files, health."""
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    exact = {reverse("accounts:logout"), reverse("accounts:mfa_verify"), reverse("core:health")}
    return path in exact or path.startswith(static_prefix)


def _sign_in_again(request, url_name: str, message: str | None = None) -> HttpResponseRedirect:
    if message:
        messages.warning(request, message)
    url = reverse(url_name)
    if request.method == "GET":
        url = f"{url}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}"
    return HttpResponseRedirect(url)


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header: the application needs no camera, microphone or location."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "TREMPLIN_PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


class IdleTimeoutMiddleware:
    """Signs out a user who made no request for TREMPLIN_IDLE_TIMEOUT_MINUTES.

    The time of the last request is kept in the session and rewritten at most
    once a minute: a session write is a database query, and pages must not
    pay for it on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            timeout = getattr(settings, "TREMPLIN_IDLE_TIMEOUT_MINUTES", 30) * 60
            if last is not None and now - last > timeout:
                logout(request)
                return _sign_in_again(
                    request,
                    "accounts:login",
                    _("Votre session a expiré après %(minutes)s minutes sans activité : reconnectez-vous.")
                    % {"minutes": timeout // 60},
                )
            if last is None or now - last >= ACTIVITY_WRITE_INTERVAL:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """The second sign-in step, and the structures' policy requiring it.

    A session not verified with a code, of a user who has a confirmed device, is sent to the code page for
    every page, whenever the device was set up: sessions opened before the enrolment (another browser) are
    no exception. A member of a structure requiring a second factor who has none is sent to set one up.
    Whether the user has a device is a column of the user row (`User.has_second_factor`, kept by
    signals.sync_second_factor), which every request reads anyway: pages gain no query.

    No loop: the code page is exempt and, for a user with a device, the only target; the set-up page is the
    only target for a user without one, and it is reached only while the user has none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and not _is_exempt(request.path_info):
            if user.has_second_factor:
                return _sign_in_again(request, "accounts:mfa_verify")
            required_by = [m.structure.name for m in request.memberships if m.structure.mfa_required]
            if required_by and request.path_info != reverse("accounts:mfa_enrol"):
                return _sign_in_again(
                    request,
                    "accounts:mfa_enrol",
                    _(
                        "Votre structure (%(structures)s) exige la double authentification : configurez une "
                        "application d'authentification pour continuer."
                    )
                    % {"structures": ", ".join(required_by)},
                )
        return self.get_response(request)
