"""Collective workshops and group activities: who was invited, who came, what was done."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility
from tremplin.pathways.models import Pathway
from tremplin.structures.models import Structure


class Theme(models.TextChoices):
    LIVING_TOGETHER = "living_together", _("Vivre ensemble")
    DAILY_LIFE = "daily_life", _("Vie quotidienne et démarches administratives")
    DIGITAL = "digital", _("Compétences numériques")
    CULTURE = "culture", _("Culture")
    WELL_BEING = "well_being", _("Bien-être")
    JOB_SEARCH = "job_search", _("Groupe de recherche d'emploi")
    COOPERATION_COUNCIL = "cooperation_council", _("Conseil de coopération")
    OTHER = "other", _("Autre")


class Attendance(models.TextChoices):
    PRESENT = "present", _("Présent·e")
    EXCUSED = "excused", _("Absence excusée")
    ABSENT = "absent", _("Absent·e")


class Workshop(PublicModel):
    """One session of a collective workshop, run by a staff member or a partner."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="workshops")
    theme = models.CharField(_("thème"), max_length=30, choices=Theme.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("heure de début"), null=True, blank=True)
    end_time = models.TimeField(_("heure de fin"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    facilitator_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_workshops",
        verbose_name=_("animé par (équipe)"),
    )
    facilitator_partner = models.ForeignKey(
        "partners.PartnerOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshops",
        verbose_name=_("animé par (partenaire de l'annuaire)"),
    )
    facilitator_name = models.CharField(
        _("animé par (autre)"),
        max_length=200,
        blank=True,
        help_text=_("Nom de l'intervenant·e extérieur·e, s'il ou elle n'est pas dans l'annuaire."),
    )
    notes = models.TextField(_("notes sur l'atelier"), blank=True, max_length=4000)
    notes_visibility = models.CharField(
        _("visibilité des notes"), max_length=30, choices=Visibility.choices, default=Visibility.WHOLE_TEAM
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-date", "-start_time", "-id"]
        verbose_name = _("atelier collectif")
        verbose_name_plural = _("ateliers collectifs")
        indexes = [models.Index(fields=["structure", "date"])]

    def __str__(self) -> str:
        return f"{self.title} — {self.date:%d/%m/%Y}"

    @property
    def facilitator_display(self) -> str:
        names = []
        if self.facilitator_user_id:
            names.append(str(self.facilitator_user))
        if self.facilitator_partner_id:
            names.append(self.facilitator_partner.name)
        if self.facilitator_name:
            names.append(self.facilitator_name)
        return ", ".join(names)


class Participant(PublicModel):
    """A person invited to a workshop, and whether they came."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="workshop_participations")
    attendance = models.CharField(_("présence"), max_length=10, choices=Attendance.choices, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("présence saisie le"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["pathway__person__last_name", "pathway__person__first_name", "id"]
        verbose_name = _("participant·e")
        verbose_name_plural = _("participant·es")
        constraints = [models.UniqueConstraint(fields=["workshop", "pathway"], name="workshop_participant_once")]

    def __str__(self) -> str:
        return f"{self.workshop} — {self.pathway_id}"
