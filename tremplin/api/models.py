"""API tokens: one per use, created by the direction FOR a membership, stored hashed, shown once."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Membership
from tremplin.core.models import PublicModel
from tremplin.structures.models import Structure

# Recognisable in logs and secret scanners; the rest is 256 random bits.
TOKEN_PREFIX = "trp_"
SHOWN_PREFIX_LENGTH = 12


def hash_key(key: str) -> str:
    """SHA-256 of the whole key: the key is random, so no salt or slow hash is needed to resist guessing."""
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, membership__is_active=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiToken(PublicModel):
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="api_tokens")
    # Whose rights the token carries: it never sees more than this membership (role, team, visibility).
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("au nom de")
    )
    name = models.CharField(_("nom du jeton"), max_length=100, help_text=_("Le logiciel ou l'usage qu'il sert."))
    prefix = models.CharField(_("début du jeton"), max_length=SHOWN_PREFIX_LENGTH)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("droits"), default=list)
    expires_at = models.DateTimeField(_("expire le"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def scope_labels(self) -> list[str]:
        from .scopes import label

        return [label(value) for value in self.scopes]

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())
