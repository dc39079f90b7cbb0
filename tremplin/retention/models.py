"""Retention overrides, legal holds and the record of what the purge did to a person."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.people.models import Person
from tremplin.structures.models import Structure

from .rules import RULES, Category


class RetentionSetting(models.Model):
    """A structure's own duration for one category, within the bounds of the rule."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="retention_settings")
    category = models.CharField(_("catégorie"), max_length=30, choices=Category.choices)
    months = models.PositiveSmallIntegerField(_("durée en mois"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("durée de conservation de la structure")
        constraints = [models.UniqueConstraint(fields=["structure", "category"], name="one_setting_per_category")]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.months}"

    def clean(self) -> None:
        rule = RULES[self.category]
        if not rule.overridable:
            raise ValidationError({"category": _("Cette durée ne se règle pas ici.")})
        if not rule.min_months <= self.months <= rule.max_months:
            raise ValidationError({"months": rule.bound_message()})


class LegalHoldQuerySet(models.QuerySet):
    def active(self):
        return self.filter(lifted_on__isnull=True)


class LegalHold(PublicModel):
    """A person's data must be kept (litigation, an authority's request): the purge never touches it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="legal_holds")
    reason = models.TextField(_("motif du gel"))
    placed_on = models.DateField(_("gelé le"))
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    lifted_on = models.DateField(_("levé le"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-placed_on", "-created_at"]
        verbose_name = _("gel des données")
        verbose_name_plural = _("gels des données")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(lifted_on__isnull=True), name="one_active_hold_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} ({self.placed_on})"


class RetentionRecord(models.Model):
    """What the purge did to one person; kept outside Person so that the people app stays unaware of it."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="retention_record")
    anonymised_on = models.DateField(_("anonymisé le"), null=True, blank=True)
    proofs_deleted_on = models.DateField(_("justificatifs supprimés le"), null=True, blank=True)
    age_band = models.CharField(_("tranche d'âge à l'entrée"), max_length=20, blank=True)
    department = models.CharField(_("département"), max_length=3, blank=True)

    class Meta:
        verbose_name = _("trace de conservation")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.anonymised_on}"
