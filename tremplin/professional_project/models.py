from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.pathways.models import Pathway


class TargetJobStatus(models.TextChoices):
    TO_EXPLORE = "to_explore", _("À explorer")
    TO_CONFIRM = "to_confirm", _("À confirmer")
    CONFIRMED = "confirmed", _("Confirmé")


class TargetJob(PublicModel):
    """A job the person aims at: explored, then confirmed (or dropped) during the pathway.

    Status changes are kept by the history, so a reviewer can see how the project matured.
    """

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="target_jobs")
    job_code = models.CharField(
        _("code métier (ROME)"),
        max_length=5,
        blank=True,
        help_text=_("Facultatif : une lettre et quatre chiffres, par exemple A1203."),
    )
    title = models.CharField(_("métier visé"), max_length=200)
    status = models.CharField(
        _("état du projet"), max_length=20, choices=TargetJobStatus.choices, default=TargetJobStatus.TO_EXPLORE
    )
    notes = models.TextField(_("notes"), blank=True)
    constraints = models.TextField(
        _("contraintes"),
        blank=True,
        help_text=_("Ce qui va avec ce métier : horaires, port de charges, permis, déplacements…"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("métier visé")
        verbose_name_plural = _("métiers visés")

    def __str__(self) -> str:
        return f"{self.title} ({self.job_code})" if self.job_code else self.title
