"""Job offers of the structure's network, entered by hand or imported from a file.

The fields are those the matching reads: the job code, the place, the hours and shifts,
and the requirements that may rule a person out (licence, vehicle, French level).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.core.search_keys import SearchKeyField, with_search_keys
from tremplin.employers.models import Company, Site
from tremplin.people.models import FrenchLevel
from tremplin.structures.models import Structure


class ContractType(models.TextChoices):
    PERMANENT = "permanent", _("CDI")
    FIXED_TERM = "fixed_term", _("CDD")
    TEMPORARY = "temporary", _("Intérim")
    APPRENTICESHIP = "apprenticeship", _("Apprentissage")
    PROFESSIONALISATION = "professionalisation", _("Contrat de professionnalisation")
    SUBSIDISED = "subsidised", _("Contrat aidé")
    SEASONAL = "seasonal", _("Saisonnier")
    OTHER = "other", _("Autre")


class Shift(models.TextChoices):
    DAY = "day", _("Journée")
    EARLY = "early", _("Tôt le matin")
    NIGHT = "night", _("Nuit")
    WEEKEND = "weekend", _("Week-end")


# Shifts a parent without childcare cannot usually cover.
SHIFTS_HARD_WITH_CHILDCARE = frozenset({Shift.EARLY, Shift.NIGHT, Shift.WEEKEND})


class PhysicalDemand(models.TextChoices):
    LIGHT = "light", _("Faible")
    MODERATE = "moderate", _("Modérée")
    HEAVY = "heavy", _("Forte (port de charges, station debout)")


class OfferStatus(models.TextChoices):
    OPEN = "open", _("Ouverte")
    FILLED = "filled", _("Pourvue")
    CLOSED = "closed", _("Fermée")


class OfferSource(models.TextChoices):
    MANUAL = "manual", _("Saisie")
    IMPORT = "import", _("Import de fichier")
    API = "api", _("API")


class JobOfferQuerySet(models.QuerySet):
    def open_on(self, day):
        """Open offers whose deadline (if any) is not past."""
        return self.filter(status=OfferStatus.OPEN).filter(
            models.Q(deadline__isnull=True) | models.Q(deadline__gte=day)
        )


class JobOffer(PublicModel):
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="job_offers")
    job_code = models.CharField(_("code métier (ROME)"), max_length=5)
    title = models.CharField(_("intitulé du poste"), max_length=200)
    # The title without accents or case, for the search box (tremplin/core/search_keys.py).
    search_title = SearchKeyField(max_length=200, sources=("title",))
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="job_offers", verbose_name=_("employeur")
    )
    site = models.ForeignKey(
        Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="job_offers", verbose_name=_("site")
    )
    postcode = models.CharField(_("code postal du lieu de travail"), max_length=10)
    city = models.CharField(_("commune du lieu de travail"), max_length=120)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    contract_type = models.CharField(_("type de contrat"), max_length=30, choices=ContractType.choices)
    duration_months = models.PositiveSmallIntegerField(
        _("durée (mois)"), null=True, blank=True, help_text=_("Vide pour un contrat sans fin prévue.")
    )
    weekly_hours = models.DecimalField(_("heures par semaine"), max_digits=4, decimal_places=1, null=True, blank=True)
    # Codes of Shift between commas (",early,weekend,").
    shifts = models.CharField(_("horaires"), max_length=60, blank=True)
    start_date = models.DateField(_("date de début"), null=True, blank=True)
    deadline = models.DateField(_("date limite de candidature"), null=True, blank=True)
    driving_licence_required = models.BooleanField(_("permis B exigé"), default=False)
    vehicle_required = models.BooleanField(_("véhicule exigé"), default=False)
    physical_demand = models.CharField(
        _("exigence physique"), max_length=20, choices=PhysicalDemand.choices, blank=True
    )
    french_level_required = models.CharField(
        _("niveau de français attendu"), max_length=10, choices=FrenchLevel.choices, blank=True
    )
    certifications = models.CharField(
        _("certifications exigées"), max_length=250, blank=True, help_text=_("Séparées par des virgules (CACES, SST…).")
    )
    required_competences = models.CharField(
        _("compétences attendues (codes)"),
        max_length=500,
        blank=True,
        help_text=_("Facultatif : codes de la grille de compétences, séparés par des virgules."),
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("statut"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.OPEN)
    source = models.CharField(_("origine"), max_length=20, choices=OfferSource.choices, default=OfferSource.MANUAL)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = JobOfferQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "search_title"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("offre d'emploi")
        verbose_name_plural = _("offres d'emploi")
        indexes = [
            models.Index(fields=["structure", "status", "deadline"]),
            models.Index(fields=["structure", "job_code"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.company.name}" if self.company_id else self.title

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = with_search_keys(self, kwargs["update_fields"])
        super().save(*args, **kwargs)

    @property
    def shift_codes(self) -> list[str]:
        return [code for code in self.shifts.split(",") if code]

    @shift_codes.setter
    def shift_codes(self, codes) -> None:
        known = [code for code in Shift.values if code in set(codes)]
        self.shifts = f",{','.join(known)}," if known else ""

    def shift_labels(self) -> list[str]:
        return [str(Shift(code).label) for code in self.shift_codes if code in Shift.values]

    @property
    def competence_codes(self) -> list[str]:
        return [code.strip() for code in self.required_competences.split(",") if code.strip()]

    @property
    def certification_list(self) -> list[str]:
        return [item.strip() for item in self.certifications.split(",") if item.strip()]

    def is_open(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.status == OfferStatus.OPEN and (self.deadline is None or self.deadline >= day)


class ImportStatus(models.TextChoices):
    CHECKED = "checked", _("Vérifié, en attente de confirmation")
    IMPORTED = "imported", _("Importé")
    CANCELLED = "cancelled", _("Abandonné")


class OfferImport(PublicModel):
    """An uploaded file between its validation report and the confirmation.

    The valid rows are kept already parsed (codes and ISO dates), so confirming does not need
    the file again; they are checked once more at confirmation, in one transaction.
    """

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="offer_imports")
    filename = models.CharField(_("fichier"), max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    rows = models.JSONField(default=list, blank=True)
    problems = models.JSONField(default=list, blank=True)
    total_rows = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.CHECKED)
    imported_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import d'offres")
        verbose_name_plural = _("imports d'offres")

    def __str__(self) -> str:
        return self.filename
