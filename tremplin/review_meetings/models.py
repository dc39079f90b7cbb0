"""Team review meetings: synthesis meetings, commissions and tripartite reviews.

A meeting is planned with its participants, people are put on its agenda (with the reason they
are reviewed), and the team records one or more decisions per person during the meeting. A
decision may create an action of the person's plan; it appears on the person's timeline.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet
from tremplin.pathways.models import Pathway
from tremplin.structures.models import Structure


class MeetingKind(models.TextChoices):
    SYNTHESIS = "synthesis", _("Réunion de synthèse")
    COMMISSION = "commission", _("Commission")
    TRIPARTITE = "tripartite", _("Bilan tripartite")


class ReviewReason(models.TextChoices):
    CONTRACT_ENDING = "contract_ending", _("Contrat qui se termine bientôt")
    PLAN_NOT_REVIEWED = "plan_not_reviewed", _("Plan d'action non revu depuis longtemps")
    CHOSEN = "chosen", _("Choisi·e par l'équipe")


class ReviewMeetingQuerySet(models.QuerySet):
    def of_structure(self, structure_id) -> ReviewMeetingQuerySet:
        return self.filter(structure_id=structure_id)


class ReviewMeeting(PublicModel):
    """A planned meeting of the team about several people."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="review_meetings")
    kind = models.CharField(_("type de réunion"), max_length=20, choices=MeetingKind.choices)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("heure de début"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="review_meetings", verbose_name=_("participant·es")
    )
    external_participants = models.CharField(
        _("autres participant·es"),
        max_length=300,
        blank=True,
        help_text=_("Prescripteurs ou partenaires présents : nom et organisme."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = ReviewMeetingQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-date", "-start_time", "-id"]
        verbose_name = _("réunion d'équipe")
        verbose_name_plural = _("réunions d'équipe")
        indexes = [models.Index(fields=["structure", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.date:%d/%m/%Y}"

    @property
    def is_upcoming(self) -> bool:
        return self.date > timezone.localdate()


class ReviewItem(PublicModel):
    """One person on a meeting's agenda, and why they are reviewed."""

    meeting = models.ForeignKey(ReviewMeeting, on_delete=models.CASCADE, related_name="items")
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="review_items")
    reason = models.CharField(_("motif de l'examen"), max_length=20, choices=ReviewReason.choices)
    # Only then does the person get an invitation, an update and a reminder (issue 16).
    person_invited = models.BooleanField(_("la personne est invitée"), default=False)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["pathway__person__last_name", "pathway__person__first_name", "id"]
        verbose_name = _("personne à l'ordre du jour")
        verbose_name_plural = _("personnes à l'ordre du jour")
        constraints = [models.UniqueConstraint(fields=["meeting", "pathway"], name="review_item_once_per_meeting")]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.pathway_id}"


class ReviewDecision(PublicModel):
    """What the team decided about one person; may have created an action of their plan."""

    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="decisions")
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="review_decisions")
    text = models.TextField(_("décision"), max_length=2000)
    visibility = models.CharField(
        _("visibilité"),
        max_length=30,
        choices=Visibility.choices,
        default=Visibility.WHOLE_TEAM,
        help_text=_("« Équipe sociale uniquement » : la décision n'apparaît pas aux encadrant·es techniques."),
    )
    action = models.OneToOneField(
        "action_plan.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_decision",
        verbose_name=_("action créée"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("saisie par")
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = VisibilityQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("décision de réunion")
        verbose_name_plural = _("décisions de réunion")

    def __str__(self) -> str:
        return self.text[:80]
