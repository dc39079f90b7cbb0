"""What the app tells a staff member: one row per event and recipient, read or not, and the digest's opt-in."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel


class Kind(models.TextChoices):
    OBSERVATION_FLAGGED = "observation_flagged", _("Observation signalée")
    ORIENTATION_ANSWERED = "orientation_answered", _("Réponse d'un partenaire")
    MEETING_DECLINED = "meeting_declined", _("Rendez-vous décliné")
    MESSAGE_FAILED = "message_failed", _("Message non remis")
    FOLLOW_UP_DUE = "follow_up_due", _("Suivi après sortie à faire")


class NotificationQuerySet(models.QuerySet):
    def of(self, membership) -> "NotificationQuerySet":
        """The member's own notifications in the structure they work in."""
        return self.filter(recipient_id=membership.user_id, structure_id=membership.structure_id)

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(PublicModel):
    """An event a staff member should act on; `url` is the same-site page where they act."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("destinataire")
    )
    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="+")
    # The person it is about, if any: the title may name them, so it goes with them (decision 0010).
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("personne")
    )
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    url = models.CharField(_("lien"), max_length=500)
    # The same event never notifies the same recipient twice (a job run twice, a record saved again).
    dedupe_key = models.CharField(_("clé d'unicité"), max_length=200, blank=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], condition=~Q(dedupe_key=""), name="notification_once_per_event"
            )
        ]
        indexes = [models.Index(fields=["recipient", "structure", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class DigestSubscription(models.Model):
    """A staff member's choice to receive the daily e-mail digest, and the last day it went out."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_subscription")
    daily = models.BooleanField(_("recevoir le résumé quotidien par e-mail"), default=False)
    last_sent_on = models.DateField(_("dernier envoi le"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement au résumé quotidien")
        verbose_name_plural = _("abonnements au résumé quotidien")

    def __str__(self) -> str:
        return f"{self.user} — {self.daily}"
