"""`Authorization: Bearer trp_…`: the token's membership becomes the request's membership.

A missing, unknown, revoked or expired token, or one whose membership or user was deactivated, answers 401
in the API's error format (`errors.exception_handler`); the reason is named, the token is not.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .models import ApiToken, hash_key

KEYWORD = b"bearer"
# `last_used_at` is written at most this often, so that reads do not each cost a write.
LAST_USE_RESOLUTION = datetime.timedelta(minutes=5)


class TokenFailed(exceptions.AuthenticationFailed):
    pass


def _refuse(message, code: str):
    raise TokenFailed(message, code=code)


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD:
            return None
        if len(parts) != 2:
            _refuse(
                _("En-tête Authorization : écrivez « Bearer » suivi du jeton, sans espace dans le jeton."), "bad_header"
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            _refuse(_("Jeton inconnu."), "token_unknown")
        token = (
            ApiToken.objects.select_related("membership__user", "membership__structure", "structure")
            .filter(key_hash=hash_key(key))
            .first()
        )
        now = timezone.now()
        if token is None:
            _refuse(_("Jeton inconnu."), "token_unknown")
        if token.is_revoked:
            _refuse(_("Ce jeton a été révoqué."), "token_revoked")
        if token.is_expired(now):
            _refuse(_("Ce jeton a expiré."), "token_expired")
        membership = token.membership
        if not membership.is_active or not membership.user.is_active:
            _refuse(
                _("Le membre de l'équipe au nom duquel ce jeton a été créé n'a plus accès à la structure."),
                "membership_inactive",
            )
        if token.last_used_at is None or now - token.last_used_at > LAST_USE_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        # The page's access checks (accounts.access) read these: the token acts as its membership, in its
        # structure only.
        django_request = request._request
        django_request.membership = membership
        django_request.memberships = [membership]
        return membership.user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'
