from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.core.search_keys import SearchKeyField, with_search_keys
from tremplin.structures.models import Structure


class FrenchLevel(models.TextChoices):
    NONE = "none", _("Ne parle pas français")
    A1 = "A1", _("A1 — découverte")
    A2 = "A2", _("A2 — survie")
    B1 = "B1", _("B1 — seuil")
    B2 = "B2", _("B2 — avancé")
    C1 = "C1", _("C1 — autonome")
    NATIVE = "native", _("Langue maternelle ou maîtrise complète")


class Nationality(models.TextChoices):
    """Kept only as French / EU / outside the EU, as the CNIL framework asks."""

    FRENCH = "fr", _("Française")
    EU = "eu", _("Union européenne")
    NON_EU = "non_eu", _("Hors Union européenne")
    UNKNOWN = "", _("Non renseignée")


class DrivingLicence(models.TextChoices):
    NONE = "none", _("Aucun")
    IN_PROGRESS = "in_progress", _("En cours")
    B = "B", _("Permis B")
    OTHER = "other", _("Autre permis")


class PersonQuerySet(models.QuerySet):
    def possible_duplicates(self, *, structure, first_name, last_name, birth_date, email="", phone=""):
        """People of the same structure who may be the same human being.

        Same name and birth date, or same email, or same phone. Names are
        compared without case; nothing is merged automatically.
        """
        matches = Q(first_name__iexact=first_name.strip(), last_name__iexact=last_name.strip())
        if birth_date:
            matches &= Q(birth_date=birth_date)
        if email:
            matches |= Q(email__iexact=email.strip())
        phone_digits = normalise_phone(phone)
        if phone_digits:
            matches |= Q(phone_normalised=phone_digits)
        return self.filter(structure=structure).filter(matches)


def normalise_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if digits.startswith("0033"):
        digits = "0" + digits[4:]
    elif digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


class ContactLanguage(models.TextChoices):
    """The language the person reads best among those Tremplin writes to people in (messages, issue 18)."""

    FR = "fr", "français"
    EN = "en", "English"
    IT = "it", "italiano"
    NL = "nl", "Nederlands"
    AR = "ar", "العربية"
    UK = "uk", "українська"


class Person(PublicModel):
    """A person supported by one structure.

    A person is recorded per structure: if the same human being is helped by
    two structures, each holds its own record, so the structures' data never
    mix (see docs/decisions/0001-one-record-per-structure.md).
    """

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="people")
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    # The name without accents or case, for the search box (tremplin/core/search_keys.py).
    search_name = SearchKeyField(max_length=201, sources=("first_name", "last_name"))
    birth_date = models.DateField(_("date de naissance"), null=True, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    phone_normalised = models.CharField(max_length=30, blank=True, editable=False, db_index=True)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    nationality = models.CharField(
        _("nationalité"), max_length=10, choices=Nationality.choices, blank=True, default=Nationality.UNKNOWN
    )
    languages = models.CharField(
        _("langues parlées"), max_length=200, blank=True, help_text=_("Séparées par des virgules.")
    )
    preferred_language = models.CharField(
        _("langue des messages"),
        max_length=5,
        choices=ContactLanguage.choices,
        default=ContactLanguage.FR,
        help_text=_("La langue des SMS et courriels envoyés à la personne."),
    )
    french_level = models.CharField(_("niveau de français"), max_length=10, choices=FrenchLevel.choices, blank=True)
    driving_licence = models.CharField(
        _("permis de conduire"), max_length=20, choices=DrivingLicence.choices, default=DrivingLicence.NONE
    )
    has_vehicle = models.BooleanField(_("dispose d'un véhicule"), default=False)
    recognised_disability = models.BooleanField(_("reconnaissance de travailleur handicapé"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PersonQuerySet.as_manager()
    # Who changed what and when ("Historique des modifications"); derived and technical columns are left out.
    history = HistoricalRecords(excluded_fields=["updated_at", "phone_normalised", "search_name"])

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("personne accompagnée")
        verbose_name_plural = _("personnes accompagnées")
        # The search box reads this index too: it narrows to the structure and gives the order (decision 0012).
        indexes = [models.Index(fields=["structure", "last_name", "first_name"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def save(self, *args, **kwargs):
        self.phone_normalised = normalise_phone(self.phone)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = with_search_keys(self, kwargs["update_fields"])
        super().save(*args, **kwargs)
