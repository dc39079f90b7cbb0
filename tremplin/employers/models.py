"""The structure's employer network: companies, their sites and contacts, and what was done with them.

A company belongs to one structure (like a person): two structures working with the same
employer each keep their own record, so their notes never mix.
"""

import re
import unicodedata

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.structures.models import Structure
from tremplin.structures.siret import siret_problem


class SizeBand(models.TextChoices):
    NONE = "0", _("Sans salarié")
    MICRO = "1-9", _("1 à 9 salariés")
    SMALL = "10-49", _("10 à 49 salariés")
    MEDIUM = "50-249", _("50 à 249 salariés")
    LARGE = "250+", _("250 salariés et plus")


class RelationshipKind(models.TextChoices):
    HIRING = "hiring", _("Recrute")
    IMMERSION_HOST = "immersion_host", _("Accueille des immersions")
    TUTORING = "tutoring", _("Tutorat")
    MENTORING = "mentoring", _("Parrainage")
    COMPANY_VISITS = "company_visits", _("Visites d'entreprise")
    SKILLS_SPONSORSHIP = "skills_sponsorship", _("Mécénat de compétences")


class InteractionKind(models.TextChoices):
    CALL = "call", _("Appel")
    VISIT = "visit", _("Visite")
    MEETING = "meeting", _("Rendez-vous")
    EMAIL = "email", _("Courriel")


def normalise_name(name: str) -> str:
    """Lower case, no accents, no punctuation, no legal form: "SARL Les Jardins d'Élise" == "jardins d elise"."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = [w for w in text.split() if w not in LEGAL_FORMS_AND_ARTICLES]
    return " ".join(words)


LEGAL_FORMS_AND_ARTICLES = frozenset(
    {"sarl", "sas", "sasu", "sa", "eurl", "sci", "scop", "snc", "ei", "eirl", "spa", "srl", "sprl", "bv"}
    | {"le", "la", "les", "l", "de", "du", "des", "d", "et"}
)


def siret_digits(value: str) -> str:
    return re.sub(r"\s+", "", value or "")


def siret_is_valid(digits: str) -> bool:
    """A French SIRET, by the rule the structures' own SIRET follows (tremplin/structures/siret.py)."""
    return siret_problem(digits) is None


class Company(PublicModel):
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="companies")
    name = models.CharField(_("raison sociale"), max_length=200)
    name_normalised = models.CharField(max_length=200, editable=False, db_index=True)
    identifier = models.CharField(
        _("SIRET ou numéro d'entreprise"),
        max_length=30,
        blank=True,
        help_text=_("En France, les 14 chiffres du SIRET. Ailleurs, le numéro d'entreprise du pays."),
    )
    sector = models.CharField(_("secteur d'activité"), max_length=120, blank=True)
    size_band = models.CharField(_("effectif"), max_length=10, choices=SizeBand.choices, blank=True)
    website = models.URLField(_("site internet"), blank=True)
    # Codes of RelationshipKind between commas (",hiring,tutoring,"): filtered with one portable `contains`.
    relationships = models.CharField(_("nature de la relation"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at", "name_normalised"])

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("entreprise")
        verbose_name_plural = _("entreprises")
        indexes = [
            models.Index(fields=["structure", "name_normalised"]),
            models.Index(fields=["structure", "identifier"]),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_normalised = normalise_name(self.name)
        self.identifier = siret_digits(self.identifier)
        super().save(*args, **kwargs)

    @property
    def relationship_codes(self) -> list[str]:
        return [code for code in self.relationships.split(",") if code]

    @relationship_codes.setter
    def relationship_codes(self, codes) -> None:
        known = [code for code in RelationshipKind.values if code in set(codes)]
        self.relationships = f",{','.join(known)}," if known else ""

    def relationship_labels(self) -> list[str]:
        return [
            str(RelationshipKind(code).label) for code in self.relationship_codes if code in RelationshipKind.values
        ]


class Site(PublicModel):
    """A place where the company works: where offers are and where people would travel to."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(_("nom du site"), max_length=150)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self) -> str:
        return f"{self.name} — {self.postcode} {self.city}".strip(" —")


class Contact(PublicModel):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    site = models.ForeignKey(
        Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="contacts", verbose_name=_("site")
    )
    first_name = models.CharField(_("prénom"), max_length=100, blank=True)
    last_name = models.CharField(_("nom"), max_length=100)
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Interaction(PublicModel):
    """A call, visit or meeting with the company, and the step agreed for next time."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="interactions")
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("contact")
    )
    kind = models.CharField(_("type"), max_length=20, choices=InteractionKind.choices)
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("compte rendu"), blank=True)
    next_step = models.CharField(_("prochaine étape"), max_length=250, blank=True)
    next_step_on = models.DateField(_("prochaine étape le"), null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-happened_on", "-id"]
        verbose_name = _("échange avec l'entreprise")
        verbose_name_plural = _("échanges avec l'entreprise")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.happened_on}"
