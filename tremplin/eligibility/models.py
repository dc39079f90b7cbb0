from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.pathways.models import Pathway


class EligibilityDiagnosis(PublicModel):
    """The result of checking a candidate against the programme's administrative criteria.

    Immutable once recorded: a new diagnosis is made when the situation
    changes, so the history of decisions stays readable.
    """

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="eligibility_diagnoses")
    made_on = models.DateField(_("date du diagnostic"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    is_eligible = models.BooleanField(_("éligible"))
    valid_until = models.DateField(_("valable jusqu'au"), null=True, blank=True)
    summary = models.TextField(_("conclusion"), blank=True)
    comment = models.TextField(_("commentaire"), blank=True)

    class Meta:
        ordering = ["-made_on", "-created_at"]
        verbose_name = _("diagnostic d'éligibilité")
        verbose_name_plural = _("diagnostics d'éligibilité")

    def __str__(self) -> str:
        return f"{self.pathway} — {self.made_on}"

    def is_valid_on(self, day) -> bool:
        return self.is_eligible and self.valid_until is not None and self.made_on <= day <= self.valid_until


class CriterionProof(models.Model):
    """A criterion retained in a diagnosis, with the proof seen."""

    diagnosis = models.ForeignKey(EligibilityDiagnosis, on_delete=models.CASCADE, related_name="proofs")
    criterion_code = models.CharField(_("critère"), max_length=60)
    criterion_label = models.CharField(_("libellé du critère"), max_length=200)
    level = models.PositiveSmallIntegerField(_("niveau"), default=0)
    proof_description = models.CharField(_("justificatif attendu"), max_length=200)
    proof_date = models.DateField(_("date du justificatif"))
    proof_reference = models.CharField(_("référence du justificatif"), max_length=120, blank=True)

    class Meta:
        ordering = ["level", "criterion_label"]
        verbose_name = _("critère justifié")
        constraints = [models.UniqueConstraint(fields=["diagnosis", "criterion_code"], name="one_proof_per_criterion")]

    def __str__(self) -> str:
        return str(self.criterion_label)
