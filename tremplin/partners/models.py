"""The structure's map of local partners: who they are, what needs they answer, where, and how to refer.

A directory belongs to one structure; a network of structures may share an organisation with all
its members (`network`). Needs are the barrier domains of the diagnosis, so a counsellor goes from a
person's barrier straight to the partners who answer it.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.barriers.models import BarrierDomain
from tremplin.core.models import PublicModel
from tremplin.structures.models import Structure


def normalised(name: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: « C.C.A.S. de Lille » == « ccas de lille »."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"(?<=\w)[.'](?=\w)", "", text)  # C.C.A.S -> ccas, l'avenir -> lavenir
    return " ".join(re.findall(r"[a-z0-9]+", text))


def normalise_codes(text: str) -> str:
    """Department codes kept as « 59 62 » with spaces around, so a search matches a whole code only."""
    codes = [code.upper() for code in re.findall(r"[0-9A-Za-z]{2,3}", text or "")]
    return f" {' '.join(dict.fromkeys(codes))} " if codes else ""


class PartnerKind(models.TextChoices):
    PUBLIC_EMPLOYMENT = "public_employment", _("Service public de l'emploi")
    SOCIAL_SERVICES = "social_services", _("Services sociaux")
    HEALTH = "health", _("Santé")
    HOUSING = "housing", _("Logement")
    MOBILITY = "mobility", _("Mobilité")
    TRAINING = "training", _("Organisme de formation")
    LANGUAGE = "language", _("Cours de langue")
    LEGAL_AID = "legal_aid", _("Accès au droit")
    DEBT_ADVICE = "debt_advice", _("Conseil budgétaire et surendettement")
    CHILDCARE = "childcare", _("Garde d'enfants")
    EMPLOYER_NETWORK = "employer_network", _("Réseau d'employeurs")
    OTHER = "other", _("Autre")


class ReferralMethod(models.TextChoices):
    FORM = "form", _("Formulaire ou fiche de liaison")
    EMAIL = "email", _("Courriel")
    PHONE = "phone", _("Téléphone")


class Network(PublicModel):
    """Structures that share part of their directory (a local federation, a group of structures)."""

    name = models.CharField(_("nom du réseau"), max_length=200)
    structures = models.ManyToManyField(
        Structure, related_name="partner_networks", verbose_name=_("structures membres")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("réseau de structures")
        verbose_name_plural = _("réseaux de structures")

    def __str__(self) -> str:
        return self.name


class PartnerOrganisationQuerySet(models.QuerySet):
    def in_directory_of(self, structure):
        """The structure's own partners and those its networks share (one query, no duplicates).

        Not a visibility level (core.visibility): which organisations a structure's directory holds."""
        networks = Network.objects.filter(structures=structure).values("pk")
        return self.filter(models.Q(structure=structure) | models.Q(network__in=networks))


class PartnerOrganisation(PublicModel):
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="partner_organisations")
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("partagé avec le réseau"),
        help_text=_("Laissé vide, le partenaire n'est visible que de votre structure."),
    )
    name = models.CharField(_("nom"), max_length=200)
    normalised_name = models.CharField(max_length=200, editable=False, db_index=True)
    kind = models.CharField(_("type de partenaire"), max_length=30, choices=PartnerKind.choices)
    siret = models.CharField(_("SIRET ou numéro d'immatriculation"), max_length=20, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    website = models.URLField(_("site internet"), blank=True)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    area_served = models.TextField(
        _("territoire couvert"),
        blank=True,
        help_text=_("Communes ou codes postaux couverts, séparés par des virgules."),
    )
    department_codes = models.CharField(
        _("départements couverts"),
        max_length=200,
        blank=True,
        help_text=_("Codes des départements couverts en entier, par exemple « 59 62 »."),
    )
    eligibility_notes = models.TextField(_("conditions d'accès"), blank=True)
    referral_method = models.CharField(
        _("comment orienter"), max_length=10, choices=ReferralMethod.choices, default=ReferralMethod.EMAIL
    )
    referral_details = models.TextField(
        _("précisions pour orienter"),
        blank=True,
        help_text=_("Adresse du formulaire, courriel ou numéro à utiliser, pièces à joindre."),
    )
    is_active = models.BooleanField(_("partenaire actif"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PartnerOrganisationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "normalised_name"])

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        indexes = [models.Index(fields=["structure", "normalised_name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalised_name = normalised(self.name)
        self.department_codes = normalise_codes(self.department_codes)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "normalised_name"}
        super().save(*args, **kwargs)

    @property
    def department_list(self) -> str:
        return self.department_codes.strip()


class PartnerService(PublicModel):
    """One service of a partner, with the needs (barrier domains) it answers."""

    organisation = models.ForeignKey(PartnerOrganisation, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(_("service"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("service proposé"), default=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("service d'un partenaire")
        verbose_name_plural = _("services des partenaires")

    def __str__(self) -> str:
        return f"{self.organisation.name} — {self.name}"

    @property
    def need_codes(self) -> list[str]:
        return [need.domain for need in self.needs.all()]

    @property
    def need_labels(self) -> list[str]:
        return [str(BarrierDomain(need.domain).label) for need in self.needs.all()]


class ServiceNeed(models.Model):
    """A need (barrier domain) a service answers; a row per need so the search is a plain indexed filter."""

    service = models.ForeignKey(PartnerService, on_delete=models.CASCADE, related_name="needs")
    domain = models.CharField(_("besoin"), max_length=20, choices=BarrierDomain.choices)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("besoin auquel répond un service")
        verbose_name_plural = _("besoins auxquels répondent les services")
        constraints = [models.UniqueConstraint(fields=["service", "domain"], name="one_need_per_service")]
        indexes = [models.Index(fields=["domain", "service"])]

    def __str__(self) -> str:
        return self.get_domain_display()


class PartnerContact(PublicModel):
    organisation = models.ForeignKey(PartnerOrganisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("nom"), max_length=200)
    role = models.CharField(_("fonction"), max_length=200, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("contact d'un partenaire")
        verbose_name_plural = _("contacts des partenaires")

    def __str__(self) -> str:
        return self.name
