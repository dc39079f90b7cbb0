"""Worksite observations ("fiche navette") and daily attendance, written by technical supervisors."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet
from tremplin.pathways.models import Pathway


class Category(models.TextChoices):
    ATTENDANCE = "attendance", _("Assiduité et ponctualité")
    BEHAVIOUR = "behaviour", _("Comportement")
    SKILLS = "skills", _("Progrès dans le métier")
    SAFETY = "safety", _("Sécurité")
    WELL_BEING = "well_being", _("Inquiétude sur le bien-être")
    INCIDENT = "incident", _("Incident")


class ObservationQuerySet(VisibilityQuerySet):
    def of_structure(self, membership) -> "ObservationQuerySet":
        """Observations of the member's structure (pathway visibility is checked apart)."""
        return self.filter(pathway__structure_id=membership.structure_id)

    def inbox_of(self, membership) -> "ObservationQuerySet":
        """The observations passed on to the social staff that this member reads in their inbox: a counsellor
        those of the people they are référent·e of, case managers and directors the whole structure's.
        Shared by the inbox page and the menu's count."""
        from tremplin.accounts.roles import Capability

        observations = self.of_structure(membership).visible_to(membership).filter(needs_social_follow_up=True)
        # Whoever oversees the structure (case managers, the direction) sees every flag; a counsellor, their people.
        if not membership.can(Capability.VIEW_STRUCTURE_DASHBOARD):
            observations = observations.filter(pathway__referent_id=membership.user_id)
        return observations


class Observation(PublicModel):
    """What the supervisor saw on the worksite, passed on to the social staff when it needs follow-up."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="observations")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("auteur·e")
    )
    observed_on = models.DateField(_("observé le"), default=timezone.localdate)
    category = models.CharField(_("catégorie"), max_length=20, choices=Category.choices)
    text = models.TextField(_("observation"), max_length=1000)
    needs_social_follow_up = models.BooleanField(
        _("à signaler à l'équipe sociale"),
        default=False,
        help_text=_("Cochez si la conseillère ou le conseiller doit en prendre connaissance."),
    )
    visibility = models.CharField(
        _("visibilité"), max_length=30, choices=Visibility.choices, default=Visibility.WHOLE_TEAM
    )
    acknowledged_at = models.DateTimeField(_("vue le"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vue par"),
    )

    objects = ObservationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-observed_on", "-created_at"]
        verbose_name = _("observation de chantier")
        verbose_name_plural = _("observations de chantier")
        indexes = [models.Index(fields=["pathway", "needs_social_follow_up", "acknowledged_at"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()} — {self.observed_on}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Présent·e")
    LATE = "late", _("En retard")
    ABSENT_EXCUSED = "absent_excused", _("Absence excusée")
    ABSENT = "absent", _("Absent·e")


class AttendanceRecord(models.Model):
    """One person's attendance on one day; entered for a whole team at once."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="attendance_records")
    day = models.DateField(_("jour"))
    status = models.CharField(_("présence"), max_length=20, choices=AttendanceStatus.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("saisi le"), auto_now=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [models.UniqueConstraint(fields=["pathway", "day"], name="attendance_once_per_day")]

    def __str__(self) -> str:
        return f"{self.day} — {self.get_status_display()}"
