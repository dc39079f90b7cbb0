from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel


class Country(models.TextChoices):
    FRANCE = "FR", _("France")
    BELGIUM = "BE", _("Belgique")
    ITALY = "IT", _("Italie")


class StructureKind(models.TextChoices):
    ACI = "ACI", _("Atelier et chantier d'insertion (ACI)")
    EI = "EI", _("Entreprise d'insertion (EI)")
    AI = "AI", _("Association intermédiaire (AI)")
    ETTI = "ETTI", _("Entreprise de travail temporaire d'insertion (ETTI)")
    CPAS = "CPAS", _("CPAS (employeur article 60)")
    ART60_HOST = "ART60_HOST", _("Utilisateur article 60 (organisme d'accueil)")
    COOP_B = "COOP_B", _("Coopérative sociale de type B")


KIND_COUNTRY = {
    StructureKind.ACI: Country.FRANCE,
    StructureKind.EI: Country.FRANCE,
    StructureKind.AI: Country.FRANCE,
    StructureKind.ETTI: Country.FRANCE,
    StructureKind.CPAS: Country.BELGIUM,
    StructureKind.ART60_HOST: Country.BELGIUM,
    StructureKind.COOP_B: Country.ITALY,
}


class Structure(PublicModel):
    """A work-integration organisation. All personal data hangs off one structure."""

    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type de structure"), max_length=20, choices=StructureKind.choices)
    registration_number = models.CharField(
        _("numéro d'immatriculation"), max_length=40, blank=True, help_text=_("SIRET, numéro BCE ou codice fiscale.")
    )
    # The French establishment number, the key of the hires pulled from les emplois de l'inclusion.
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        blank=True,
        help_text=_("14 chiffres. Structures françaises : relie la structure aux emplois de l'inclusion."),
    )
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    total_workers = models.PositiveIntegerField(
        _("effectif total"),
        null=True,
        blank=True,
        help_text=_(
            "Nombre total de travailleur·ses, pour les ratios légaux (coopératives de type B : 30 % au moins de personnes défavorisées)."
        ),
    )
    mfa_required = models.BooleanField(
        _("Double authentification obligatoire pour les membres"),
        default=False,
        help_text=_(
            "Chaque membre de l'équipe devra configurer une application d'authentification avant d'accéder aux données."
        ),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        constraints = [
            models.UniqueConstraint(fields=["siret"], condition=~models.Q(siret=""), name="unique_structure_siret")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def country(self) -> str:
        return KIND_COUNTRY[self.kind]


class Worksite(PublicModel):
    """A worksite or workshop where people in contract work, under technical supervisors."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="worksites")
    name = models.CharField(_("nom"), max_length=200)
    activity = models.CharField(_("activité"), max_length=200, help_text=_("Par exemple : maraîchage, bâtiment."))
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacité (postes)"), default=12)
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="supervised_worksites",
        verbose_name=_("encadrant·es techniques"),
    )
    is_active = models.BooleanField(_("en activité"), default=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("chantier ou atelier")
        verbose_name_plural = _("chantiers et ateliers")
        constraints = [models.UniqueConstraint(fields=["structure", "name"], name="unique_worksite_name_per_structure")]

    def __str__(self) -> str:
        return self.name
