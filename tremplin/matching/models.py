"""What the matching needs besides the person's file, and what the job coach did with its results."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.job_offers.models import JobOffer
from tremplin.pathways.models import Pathway
from tremplin.people.models import Person


class Transport(models.TextChoices):
    WALK = "walk", _("À pied")
    BIKE = "bike", _("Vélo")
    PUBLIC_TRANSPORT = "public_transport", _("Transports en commun")
    CAR = "car", _("Voiture")
    TWO_WHEELER = "two_wheeler", _("Deux-roues motorisé")


class MobilityProfile(PublicModel):
    """Where the person starts from and how far they can go: the travel factor of the matching.

    Coordinates are optional; without them only the postcode is compared.
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="mobility")
    home_postcode = models.CharField(_("code postal du domicile"), max_length=10, blank=True)
    home_city = models.CharField(_("commune du domicile"), max_length=120, blank=True)
    latitude = models.FloatField(
        _("latitude du domicile"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude du domicile"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    transport = models.CharField(
        _("moyen de transport"), max_length=20, choices=Transport.choices, default=Transport.PUBLIC_TRANSPORT
    )
    max_travel_minutes = models.PositiveSmallIntegerField(
        _("temps de trajet maximal (minutes)"),
        default=45,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )

    class Meta:
        verbose_name = _("mobilité")
        verbose_name_plural = _("mobilités")

    def __str__(self) -> str:
        return f"{self.person} — {self.get_transport_display()}"


class SentOffer(PublicModel):
    """An offer the job coach sent to a person: the first step before an application."""

    offer = models.ForeignKey(JobOffer, on_delete=models.CASCADE, related_name="sent_to")
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="sent_offers")
    sent_on = models.DateField(_("envoyée le"), default=timezone.localdate)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    score = models.PositiveSmallIntegerField(_("score au moment de l'envoi"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("offre envoyée")
        verbose_name_plural = _("offres envoyées")
        constraints = [models.UniqueConstraint(fields=["offer", "pathway"], name="matching_offer_sent_once")]

    def __str__(self) -> str:
        return f"{self.offer} → {self.pathway.person}"


class NotRelevantReason(models.TextChoices):
    JOB = "job", _("Le métier ne correspond pas")
    PLACE = "place", _("Trop loin ou mal desservi")
    HOURS = "hours", _("Horaires incompatibles")
    REQUIREMENTS = "requirements", _("Exigences non remplies")
    PERSON_DECLINED = "person_declined", _("La personne n'est pas intéressée")
    OTHER = "other", _("Autre")


class NotRelevant(PublicModel):
    """The job coach's judgment that this offer is not for this person: the ranking leaves it out, with this reason."""

    offer = models.ForeignKey(JobOffer, on_delete=models.CASCADE, related_name="not_relevant_for")
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="offers_not_relevant")
    reason = models.CharField(_("motif"), max_length=20, choices=NotRelevantReason.choices)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("offre écartée")
        verbose_name_plural = _("offres écartées")
        constraints = [models.UniqueConstraint(fields=["offer", "pathway"], name="matching_not_relevant_once")]

    def __str__(self) -> str:
        return f"{self.offer} ✕ {self.pathway.person}"
