"""A yearly activity report: the period, programme and day its figures were computed, and the structure's words.

The figures are stored as computed (`figures`, strings so a Decimal stays exact); recomputing the report at its
computation day (`services.report_indicators`) gives the same numbers, which the tests check.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel


class Report(PublicModel):
    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="activity_reports")
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activity_reports",
        verbose_name=_("dispositif"),
    )
    start = models.DateField(_("début de la période"))
    end = models.DateField(_("fin de la période"))
    computed_on = models.DateField(_("chiffres arrêtés le"))
    figures = models.JSONField(_("chiffres"), default=dict)
    # The structure's comment per section of the report (section key -> text).
    comments = models.JSONField(_("commentaires de la structure"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )

    class Meta:
        ordering = ["-end", "-created_at"]
        verbose_name = _("rapport d'activité")
        verbose_name_plural = _("rapports d'activité")
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="report_end_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


class Target(PublicModel):
    """The yearly targets the direction negotiated with the funders, for the whole structure."""

    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="yearly_targets")
    year = models.PositiveSmallIntegerField(_("année"))
    dynamic_exit_rate = models.DecimalField(
        _("taux de sorties dynamiques visé (%)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    people = models.PositiveIntegerField(_("personnes accompagnées visées"), null=True, blank=True)
    hours = models.PositiveIntegerField(_("heures travaillées visées"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("objectifs de l'année")
        verbose_name_plural = _("objectifs des années")
        constraints = [
            models.UniqueConstraint(fields=["structure", "year"], name="one_target_per_structure_and_year"),
            models.CheckConstraint(
                condition=models.Q(dynamic_exit_rate__isnull=True)
                | (models.Q(dynamic_exit_rate__gte=0) & models.Q(dynamic_exit_rate__lte=100)),
                name="target_rate_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)
