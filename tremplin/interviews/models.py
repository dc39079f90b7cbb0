"""Interviews and appointments of a pathway: planned, then recorded as held, with notes kept at a visibility level."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet


class Kind(models.TextChoices):
    INTAKE = "intake", _("entretien d'accueil")
    INDIVIDUAL = "individual", _("entretien individuel")
    TRIPARTITE = "tripartite", _("entretien tripartite")
    WORKSHOP = "workshop", _("atelier collectif")
    INFORMAL = "informal", _("échange informel")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("en présence")
    PHONE = "phone", _("par téléphone")
    VIDEO = "video", _("en visioconférence")


class Attendance(models.TextChoices):
    PRESENT = "present", _("présente")
    ABSENT_EXCUSED = "absent_excused", _("absente, excusée")
    ABSENT_UNEXCUSED = "absent_unexcused", _("absente, non excusée")


# Meetings that count as a follow-up interview for the plan's frequency.
FOLLOW_UP_KINDS = (Kind.INTAKE, Kind.INDIVIDUAL, Kind.TRIPARTITE)


def default_visibility(kind: str) -> str:
    """One-to-one meetings touch the person's private life: kept for the social staff unless chosen otherwise."""
    if kind in (Kind.INTAKE, Kind.INDIVIDUAL):
        return Visibility.SOCIAL_STAFF_ONLY
    return Visibility.WHOLE_TEAM


class InterviewQuerySet(VisibilityQuerySet):
    pass


class Interview(PublicModel):
    pathway = models.ForeignKey(
        "pathways.Pathway", on_delete=models.CASCADE, related_name="interviews", verbose_name=_("parcours")
    )
    kind = models.CharField(_("type d'entretien"), max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    third_party = models.CharField(
        _("tiers présent"),
        max_length=200,
        blank=True,
        help_text=_("Pour un entretien tripartite : le prescripteur ou l'employeur (nom et organisme)."),
    )
    channel = models.CharField(_("modalité"), max_length=20, choices=Channel.choices, default=Channel.IN_PERSON)
    planned_at = models.DateTimeField(_("prévu le"))
    held_on = models.DateField(_("tenu le"), null=True, blank=True)
    attendance = models.CharField(_("présence"), max_length=20, choices=Attendance.choices, blank=True)
    led_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mené par"),
    )
    notes = models.TextField(_("notes"), blank=True)
    # A follow-up planned from an immersion ("one month after"): the meeting stays linked to it.
    immersion = models.ForeignKey(
        "immersions.Immersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("suite de l'immersion"),
    )
    # Intake interview: question key (see intake.py) -> answer.
    answers = models.JSONField(_("réponses"), default=dict, blank=True)
    visibility = models.CharField(_("visibilité"), max_length=30, choices=Visibility.choices, blank=True)

    objects = InterviewQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-planned_at", "-id"]
        verbose_name = _("entretien")
        verbose_name_plural = _("entretiens")
        indexes = [
            models.Index(fields=["pathway", "planned_at"]),
            # The reminders' job reads the meetings still to come in a few windows of time, across pathways.
            models.Index(fields=["planned_at"], condition=models.Q(held_on__isnull=True), name="interview_to_come_at"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.planned_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self.visibility:
            self.visibility = default_visibility(self.kind)
        super().save(*args, **kwargs)

    @property
    def is_held(self) -> bool:
        return self.held_on is not None
