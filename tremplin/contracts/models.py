from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.pathways.models import Pathway
from tremplin.programmes.rules.base import ExtensionReason
from tremplin.structures.models import Worksite


class ContractStatus(models.TextChoices):
    PLANNED = "planned", _("À venir")
    ACTIVE = "active", _("En cours")
    SUSPENDED = "suspended", _("Suspendu")
    ENDED_EARLY = "ended_early", _("Rompu avant terme")
    COMPLETED = "completed", _("Terminé")
    RENEWED = "renewed", _("Renouvelé")
    CANCELLED = "cancelled", _("Annulé avant son début")


# A running contract: the one a pathway is working under (a renewed one is no longer running).
RUNNING_STATUSES = (ContractStatus.ACTIVE, ContractStatus.SUSPENDED)


class EarlyEndReason(models.TextChoices):
    HIRED = "hired", _("Embauche en contrat durable ou de transition")
    TRAINING = "training", _("Entrée en formation")
    RESIGNATION = "resignation", _("Démission")
    DISMISSAL = "dismissal", _("Licenciement")
    MUTUAL = "mutual", _("Rupture d'un commun accord")
    TRIAL_PERIOD = "trial", _("Fin de période d'essai")
    OTHER = "other", _("Autre motif")


class Contract(PublicModel):
    """An insertion contract (CDDI, article 60 employment, co-operative contract).

    A renewal is a new Contract whose `renews` points to the previous one:
    the programme's duration limits apply to the whole chain.
    """

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="contracts")
    renews = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="renewal", verbose_name=_("renouvelle")
    )
    start_date = models.DateField(_("date de début"))
    planned_end_date = models.DateField(_("date de fin prévue"))
    weekly_hours = models.DecimalField(_("heures par semaine"), max_digits=4, decimal_places=2)
    reduced_hours_reason = models.TextField(
        _("motif d'une durée réduite"),
        blank=True,
        help_text=_("Obligatoire en France en dessous de 20 heures par semaine."),
    )
    extension_reason = models.CharField(
        _("motif de dérogation"), max_length=20, choices=ExtensionReason.choices, blank=True, default=""
    )
    work_days_needed = models.PositiveSmallIntegerField(
        _("jours de travail nécessaires pour ouvrir les droits au chômage"),
        null=True,
        blank=True,
        help_text=_("Article 60 : la durée du contrat en dépend."),
    )
    worksite = models.ForeignKey(
        Worksite, on_delete=models.PROTECT, null=True, blank=True, related_name="contracts", verbose_name=_("chantier")
    )
    position = models.CharField(_("poste"), max_length=200)
    host_organisation = models.CharField(
        _("organisme utilisateur"), max_length=200, blank=True, help_text=_("Article 60 : où la personne travaille.")
    )
    status = models.CharField(_("état"), max_length=20, choices=ContractStatus.choices, default=ContractStatus.ACTIVE)
    ended_on = models.DateField(_("rompu le"), null=True, blank=True)
    early_end_reason = models.CharField(
        _("motif de rupture"), max_length=20, choices=EarlyEndReason.choices, blank=True
    )
    early_end_comment = models.TextField(_("précisions"), blank=True)
    cancellation_reason = models.TextField(_("motif de l'annulation"), blank=True)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("contrat")
        verbose_name_plural = _("contrats")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end_date__gte=models.F("start_date")), name="contract_end_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(weekly_hours__gt=0) & models.Q(weekly_hours__lte=48), name="contract_hours_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position} ({self.start_date:%d/%m/%Y} – {self.planned_end_date:%d/%m/%Y})"

    @property
    def effective_end_date(self):
        return self.ended_on or self.planned_end_date

    def chain_start_date(self):
        contract = self
        while contract.renews_id is not None:
            contract = contract.renews
        return contract.start_date


class Suspension(models.Model):
    """A period when the contract is suspended (illness, incarceration, leave…)."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="suspensions")
    start_date = models.DateField(_("début de la suspension"))
    end_date = models.DateField(_("fin de la suspension"))
    reason = models.CharField(_("motif"), max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("suspension")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="suspension_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reason} ({self.start_date:%d/%m/%Y} – {self.end_date:%d/%m/%Y})"
