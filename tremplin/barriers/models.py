"""Diagnosis of barriers ("freins périphériques"): what, outside work itself, keeps a person from working.

A barrier is identified, then worked on, then lifted or found persisting. Every change
is kept (BarrierChange), so a reviewer reads what was identified at entry and what was
lifted by the exit.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core import derived_visibility
from tremplin.core.derived_visibility import TracksVisibility
from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet
from tremplin.pathways.models import Pathway


class BarrierDomain(models.TextChoices):
    MOBILITY = "mobility", _("Mobilité")
    HOUSING = "housing", _("Logement")
    HEALTH = "health", _("Santé")
    CHILDCARE = "childcare", _("Garde d'enfants")
    MONEY = "money", _("Budget et dettes")
    LANGUAGE = "language", _("Langue")
    DIGITAL = "digital", _("Numérique")
    ADMINISTRATIVE = "administrative", _("Droits et démarches administratives")
    JUSTICE = "justice", _("Justice")
    ADDICTIONS = "addictions", _("Addictions")
    FAMILY = "family", _("Famille")
    # Issue 15: the job side of the diagnosis, no longer folded into "other".
    TRAINING = "training", _("Formation et qualification")
    RECOGNITION = "recognition", _("Reconnaissance des compétences et des diplômes")
    PROJECT = "project", _("Choix du projet professionnel")
    BASIC_SKILLS = "basic_skills", _("Savoirs de base : lire, écrire, compter, numérique")
    OTHER = "other", _("Autre")


# Domains whose details stay with the social staff by default.
SENSITIVE_DOMAINS = frozenset({BarrierDomain.HEALTH, BarrierDomain.JUSTICE, BarrierDomain.ADDICTIONS})


def default_visibility(domain: str) -> str:
    return Visibility.SOCIAL_STAFF_ONLY if domain in SENSITIVE_DOMAINS else Visibility.WHOLE_TEAM


class BarrierStatus(models.TextChoices):
    IDENTIFIED = "identified", _("Identifié")
    BEING_WORKED_ON = "being_worked_on", _("En cours de traitement")
    LIFTED = "lifted", _("Levé")
    PERSISTING = "persisting", _("Persistant")


class Severity(models.IntegerChoices):
    NONE = 0, _("0 — ne bloque pas l'emploi")
    LOW = 1, _("1 — gêne légère")
    MEDIUM = 2, _("2 — gêne importante")
    HIGH = 3, _("3 — bloque l'accès à l'emploi")


# Barriers still to act on: the person ranks these.
ACTIVE_STATUSES = (BarrierStatus.IDENTIFIED, BarrierStatus.BEING_WORKED_ON, BarrierStatus.PERSISTING)


class BarrierQuerySet(VisibilityQuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)


class Barrier(TracksVisibility, PublicModel):
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="barriers")
    domain = models.CharField(_("domaine"), max_length=20, choices=BarrierDomain.choices)
    description = models.TextField(_("description"), blank=True)
    severity = models.PositiveSmallIntegerField(
        _("frein à l'emploi"),
        choices=Severity.choices,
        default=Severity.MEDIUM,
        validators=[MinValueValidator(0), MaxValueValidator(3)],
        help_text=_("De 0 (ne bloque pas l'emploi) à 3 (bloque l'accès à l'emploi)."),
    )
    person_priority = models.PositiveSmallIntegerField(
        _("priorité pour la personne"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("1 = ce qui compte le plus pour la personne."),
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=BarrierStatus.choices, default=BarrierStatus.IDENTIFIED
    )
    identified_on = models.DateField(_("identifié le"), default=timezone.localdate)
    status_changed_on = models.DateField(_("statut modifié le"), default=timezone.localdate)
    visibility = models.CharField(
        _("visibilité"),
        max_length=30,
        choices=Visibility.choices,
        blank=True,
        help_text=_("Laissée vide, elle suit le domaine : santé, justice et addictions restent à l'équipe sociale."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = BarrierQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["domain", "identified_on", "id"]
        verbose_name = _("frein")
        verbose_name_plural = _("freins")
        indexes = [models.Index(fields=["pathway", "status"])]

    def __str__(self) -> str:
        return f"{self.get_domain_display()} — {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if not self.visibility:
            self.visibility = default_visibility(self.domain)
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding and self.visibility_changed():
            # What derives from the barrier (objectives, actions, orientations, events) follows it.
            derived_visibility.refresh_pathway(self.pathway_id)
        self._loaded_visibility = self.visibility

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class BarrierChange(models.Model):
    """One dated step in a barrier's life: the first one (empty `from_*`) is its identification."""

    barrier = models.ForeignKey(Barrier, on_delete=models.CASCADE, related_name="changes")
    changed_on = models.DateField(_("le"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    from_status = models.CharField(_("ancien statut"), max_length=20, choices=BarrierStatus.choices, blank=True)
    to_status = models.CharField(_("nouveau statut"), max_length=20, choices=BarrierStatus.choices)
    from_severity = models.PositiveSmallIntegerField(_("ancien niveau"), choices=Severity.choices, null=True)
    to_severity = models.PositiveSmallIntegerField(_("nouveau niveau"), choices=Severity.choices)
    note = models.TextField(_("commentaire"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "id"]
        verbose_name = _("évolution d'un frein")
        verbose_name_plural = _("évolutions des freins")

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"

    @property
    def is_identification(self) -> bool:
        return not self.from_status
