"""A pathway's exit and the follow-up contacts after it.

The exit is recorded once per pathway, in one of its programme's categories
(`programme.rules.exit_categories`); the group it counts in (lasting, transition,
positive, other, not counted) is stored with it, so the indicators are one
aggregate query. Follow-ups at 1, 3 and 6 months are planned when the exit is
recorded, and each is recorded once.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.contracts.models import EarlyEndReason
from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet
from tremplin.programmes.rules.base import ExitGroup

# Months after the exit when the person is contacted.
FOLLOW_UP_MONTHS = (1, 3, 6)
# The follow-up whose outcomes make "the situation at 6 months".
SIX_MONTHS = 6
# A follow-up may be recorded from this many days before its due date.
FOLLOW_UP_EARLY_DAYS = 15


class ExitReason(models.TextChoices):
    """Why the person left: the contract ran to its end, or one of the reasons of an early end."""

    COMPLETED = "completed", _("Contrat arrivé à son terme")
    HIRED = EarlyEndReason.HIRED.value, EarlyEndReason.HIRED.label
    TRAINING = EarlyEndReason.TRAINING.value, EarlyEndReason.TRAINING.label
    RESIGNATION = EarlyEndReason.RESIGNATION.value, EarlyEndReason.RESIGNATION.label
    DISMISSAL = EarlyEndReason.DISMISSAL.value, EarlyEndReason.DISMISSAL.label
    MUTUAL = EarlyEndReason.MUTUAL.value, EarlyEndReason.MUTUAL.label
    TRIAL_PERIOD = EarlyEndReason.TRIAL_PERIOD.value, EarlyEndReason.TRIAL_PERIOD.label
    OTHER = EarlyEndReason.OTHER.value, EarlyEndReason.OTHER.label


class NotCountedBecause(models.TextChoices):
    NONE = "", _("comptabilisée")
    CATEGORY = "category", _("situation non comptabilisée")
    SHORT_STAY = "short_stay", _("sortie moins de 3 mois après l'entrée")


class Outcome(models.TextChoices):
    STILL_IN_JOB = "still_in_job", _("Toujours dans l'emploi ou la formation de sortie")
    NEW_JOB = "new_job", _("Nouvel emploi")
    TRAINING = "training", _("En formation")
    UNEMPLOYED = "unemployed", _("Sans emploi")
    NO_ANSWER = "no_answer", _("Pas de réponse")


class ExitQuerySet(VisibilityQuerySet):
    def of_structure(self, structure):
        return self.filter(pathway__structure=structure)


class Exit(PublicModel):
    pathway = models.OneToOneField(
        "pathways.Pathway", on_delete=models.CASCADE, related_name="exit_record", verbose_name=_("parcours")
    )
    exit_on = models.DateField(_("date de sortie"))
    reason = models.CharField(_("motif de départ"), max_length=20, choices=ExitReason.choices)
    category = models.CharField(_("situation à la sortie"), max_length=40)
    group = models.CharField(_("type de sortie"), max_length=20, choices=ExitGroup.choices)
    is_counted = models.BooleanField(_("comptabilisée dans les résultats"), default=True)
    not_counted_because = models.CharField(
        _("non comptabilisée car"), max_length=20, choices=NotCountedBecause.choices, blank=True
    )
    # First day of the first contract of the pathway: the short-stay rule reads it.
    entry_on = models.DateField(_("date d'entrée"))
    destination = models.CharField(_("employeur ou organisme de formation"), max_length=200, blank=True)
    job_title = models.CharField(_("poste ou formation"), max_length=200, blank=True)
    contract_start = models.DateField(_("début du nouveau contrat ou de la formation"), null=True, blank=True)
    contract_months = models.PositiveSmallIntegerField(_("durée du nouveau contrat (mois)"), null=True, blank=True)
    weekly_hours = models.DecimalField(
        _("heures par semaine du nouveau contrat"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    comment = models.TextField(_("précisions"), blank=True)
    visibility = models.CharField(_("visibilité"), max_length=30, choices=Visibility.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )

    objects = ExitQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-exit_on", "-id"]
        verbose_name = _("sortie")
        verbose_name_plural = _("sorties")
        indexes = [models.Index(fields=["exit_on"], name="exit_on_idx")]

    def __str__(self) -> str:
        return f"{self.category_label} ({self.exit_on:%d/%m/%Y})"

    @property
    def category_label(self) -> str:
        category = self.pathway.programme.rules.exit_category(self.category)
        return str(category.label) if category else self.category


class FollowUp(PublicModel):
    exit = models.ForeignKey(Exit, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("sortie"))
    months = models.PositiveSmallIntegerField(_("mois après la sortie"))
    due_on = models.DateField(_("prévu le"))
    # The call planned on the due date: the person is told when they will be phoned (issue 16). Optional.
    call_time = models.TimeField(_("heure de l'appel prévu"), null=True, blank=True)
    contacted_on = models.DateField(_("date du contact"), null=True, blank=True)
    outcome = models.CharField(_("situation de la personne"), max_length=20, choices=Outcome.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("suivi après sortie")
        verbose_name_plural = _("suivis après sortie")
        constraints = [models.UniqueConstraint(fields=["exit", "months"], name="follow_up_once_per_step")]
        indexes = [models.Index(fields=["due_on"], name="follow_up_due_idx")]

    def __str__(self) -> str:
        return f"{self.months} — {self.due_on:%d/%m/%Y}"

    @property
    def is_done(self) -> bool:
        return bool(self.outcome)
