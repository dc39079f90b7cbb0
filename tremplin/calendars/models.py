"""A staff member's private iCal feed: only the hash of its secret token is kept (docs/decisions/0015-calendars.md)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarFeed(models.Model):
    """One feed per member and structure; regenerating replaces the token, revoking deletes the row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(_("empreinte du jeton"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("créé le"), auto_now=True)

    class Meta:
        verbose_name = _("flux d'agenda")
        verbose_name_plural = _("flux d'agenda")
        constraints = [models.UniqueConstraint(fields=["user", "structure"], name="one_calendar_feed_per_member")]

    def __str__(self) -> str:
        return f"{self.user} — {self.structure}"
