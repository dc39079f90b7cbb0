"""Messages sent to the people (invitations, updates, reminders, follow-ups), their templates and settings.

A message points to its meeting by kind + public id (`meeting_kind`, `meeting_id`) rather than one foreign key
per kind of meeting: the meetings live in several apps (interviews today; workshops, review meetings,
immersions and follow-up calls later), and `meetings.py` turns a kind into the few facts a message needs. The
message keeps what it said (body, recipient, the meeting's time), so it stays readable if the meeting changes.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet


class Channel(models.TextChoices):
    SMS = "sms", _("SMS")
    EMAIL = "email", _("courriel")


class Purpose(models.TextChoices):
    INVITATION = "invitation", _("invitation")
    UPDATE = "update", _("changement de rendez-vous")
    CANCELLATION = "cancellation", _("annulation")
    REMINDER = "reminder", _("rappel")
    FOLLOW_UP = "follow_up", _("relance après une absence")


class Status(models.TextChoices):
    QUEUED = "queued", _("en attente")
    SENT = "sent", _("envoyé")
    DELIVERED = "delivered", _("reçu")
    FAILED = "failed", _("échec")


class Language(models.TextChoices):
    """The languages a message is written in; the person's other languages fall back to French."""

    FR = "fr", "français"
    EN = "en", "English"
    IT = "it", "italiano"
    NL = "nl", "Nederlands"


class MeetingKind(models.TextChoices):
    INTERVIEW = "interview", _("entretien")
    WORKSHOP = "workshop", _("atelier collectif")
    IMMERSION = "immersion", _("premier jour d'immersion")
    FOLLOW_UP_CALL = "follow_up_call", _("appel de suivi après la sortie")
    REVIEW = "review", _("réunion d'équipe")


class MessageQuerySet(VisibilityQuerySet):
    pass


class Message(PublicModel):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="messages")
    pathway = models.ForeignKey("pathways.Pathway", on_delete=models.CASCADE, related_name="messages")
    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="+")
    meeting_kind = models.CharField(_("type de rendez-vous"), max_length=20, choices=MeetingKind.choices, blank=True)
    meeting_id = models.UUIDField(_("rendez-vous"), null=True, blank=True)
    meeting_at = models.DateTimeField(_("rendez-vous le"), null=True, blank=True)
    channel = models.CharField(_("canal"), max_length=10, choices=Channel.choices)
    purpose = models.CharField(_("objet"), max_length=20, choices=Purpose.choices)
    language = models.CharField(_("langue"), max_length=5, choices=Language.choices, default=Language.FR)
    subject = models.CharField(_("sujet"), max_length=200, blank=True)
    body = models.TextField(_("texte"))
    recipient = models.CharField(_("destinataire"), max_length=254)
    status = models.CharField(_("statut"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    # Why a message failed, or why it still waits (daily cap reached, quiet hours): shown to the staff.
    reason = models.CharField(_("motif"), max_length=300, blank=True)
    provider_id = models.CharField(_("identifiant chez le prestataire"), max_length=200, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    # One message per key, ever: reminder:<meeting>:<meeting time>:<offset>:<channel>,
    # invite:<meeting>:<version>:<channel>… Two workers or a re-run cannot send it twice.
    idempotency_key = models.CharField(max_length=200, unique=True, editable=False)
    not_before = models.DateTimeField(_("pas avant"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("reçu le"), null=True, blank=True)
    # The person's "I can't come", recorded through the link of this message (no sign-in).
    declined_at = models.DateTimeField(_("empêchement signalé le"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("envoyé par"),
    )
    # The meeting's visibility: who may not see the meeting does not see its messages.
    visibility = models.CharField(
        _("visibilité"), max_length=30, choices=Visibility.choices, default=Visibility.WHOLE_TEAM
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("message envoyé")
        verbose_name_plural = _("messages envoyés")
        indexes = [
            models.Index(fields=["person", "created_at"]),
            models.Index(fields=["meeting_kind", "meeting_id"]),
            models.Index(fields=["structure", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.get_channel_display()})"


class ContactPreference(models.Model):
    """How the person wishes to be reached: channels, opt-outs, the mobile number in E.164 for SMS."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="contact_preference")
    by_sms = models.BooleanField(_("par SMS"), default=True)
    by_email = models.BooleanField(_("par courriel"), default=True)
    sms_opt_out = models.BooleanField(_("ne veut plus de SMS"), default=False)
    email_opt_out = models.BooleanField(_("ne veut plus de courriels"), default=False)
    mobile = models.CharField(
        _("numéro de portable"), max_length=20, blank=True, help_text=_("Au format international.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("préférences de contact")
        verbose_name_plural = _("préférences de contact")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class MessagingSettings(models.Model):
    """A structure's settings for messages; the defaults apply until the direction saves its own."""

    structure = models.OneToOneField("structures.Structure", on_delete=models.CASCADE, related_name="messaging")
    reminder_hours_before = models.PositiveSmallIntegerField(
        _("rappel, heures avant le rendez-vous"), default=48, help_text=_("0 : pas de ce rappel.")
    )
    reminder_morning_before = models.BooleanField(_("rappel le matin de la veille"), default=True)
    quiet_from = models.TimeField(_("pas d'envoi à partir de"), default="20:00")
    quiet_until = models.TimeField(_("pas d'envoi avant"), default="08:00")
    daily_cap = models.PositiveIntegerField(_("messages par jour au plus"), default=300)
    sender_name = models.CharField(
        _("nom de l'expéditeur des SMS"),
        max_length=11,
        blank=True,
        help_text=_("11 lettres ou chiffres au plus, sans espace ni accent."),
    )

    class Meta:
        verbose_name = _("réglages des messages")
        verbose_name_plural = _("réglages des messages")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class MessageTemplate(models.Model):
    """A structure's own text for one kind of meeting, purpose and language; the built-in one otherwise."""

    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="message_templates")
    meeting_kind = models.CharField(_("type de rendez-vous"), max_length=20, choices=MeetingKind.choices)
    purpose = models.CharField(_("objet"), max_length=20, choices=Purpose.choices)
    language = models.CharField(_("langue"), max_length=5, choices=Language.choices)
    body = models.TextField(_("texte"), max_length=1000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("modèle de message")
        verbose_name_plural = _("modèles de messages")
        constraints = [
            models.UniqueConstraint(
                fields=["structure", "meeting_kind", "purpose", "language"], name="messaging_one_template"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting_kind} {self.purpose} {self.language}"
