"""A person's portfolio: what they did and learnt before and during the pathway, kept in one place.

Experiences include what a CV usually leaves out (informal work, family life, volunteering,
time abroad), because for people with few diplomas these are where competences come from.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel

# A certification that ends within this many days is flagged on the portfolio.
EXPIRES_SOON_DAYS = 60


def _check_period(started_on, ended_on, field: str = "ended_on") -> None:
    if started_on and ended_on and ended_on < started_on:
        raise ValidationError({field: _("La date de fin doit être après la date de début.")})


class ExperienceKind(models.TextChoices):
    JOB = "job", _("Emploi")
    INFORMAL = "informal", _("Activité informelle")
    VOLUNTEERING = "volunteering", _("Bénévolat")
    ABROAD = "abroad", _("Expérience à l'étranger")
    FAMILY = "family", _("Vie familiale")
    INTERNSHIP = "internship", _("Stage ou immersion")
    OTHER = "other", _("Autre")


class Experience(PublicModel):
    """Something the person did, paid or not, here or abroad."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="experiences")
    kind = models.CharField(_("type d'expérience"), max_length=20, choices=ExperienceKind.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    organisation = models.CharField(_("organisme ou employeur"), max_length=200, blank=True)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    started_on = models.DateField(_("début"), null=True, blank=True)
    ended_on = models.DateField(_("fin"), null=True, blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = [models.F("started_on").desc(nulls_last=True), "-created_at"]
        verbose_name = _("expérience")
        verbose_name_plural = _("expériences")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        _check_period(self.started_on, self.ended_on)


class Training(PublicModel):
    """A training followed, with or without a certificate at the end."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="trainings")
    title = models.CharField(_("intitulé"), max_length=200)
    organisation = models.CharField(_("organisme de formation"), max_length=200, blank=True)
    started_on = models.DateField(_("début"), null=True, blank=True)
    ended_on = models.DateField(_("fin"), null=True, blank=True)
    obtained = models.BooleanField(_("diplôme ou attestation obtenu"), default=False)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = [models.F("started_on").desc(nulls_last=True), "-created_at"]
        verbose_name = _("formation")
        verbose_name_plural = _("formations")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        _check_period(self.started_on, self.ended_on)


class Certification(PublicModel):
    """A certification, licence or habilitation (safety, electrical, driving a forklift...), often with an end date."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="certifications")
    name = models.CharField(_("intitulé"), max_length=200)
    issuer = models.CharField(_("délivré par"), max_length=200, blank=True)
    obtained_on = models.DateField(_("obtenu le"), null=True, blank=True)
    expires_on = models.DateField(_("valable jusqu'au"), null=True, blank=True)
    reference = models.CharField(_("numéro ou référence"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = [models.F("obtained_on").desc(nulls_last=True), "-created_at"]
        verbose_name = _("certification ou habilitation")
        verbose_name_plural = _("certifications et habilitations")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _check_period(self.obtained_on, self.expires_on, "expires_on")

    def is_expired_on(self, day: datetime.date) -> bool:
        return self.expires_on is not None and self.expires_on < day

    def expires_soon_on(self, day: datetime.date) -> bool:
        return (
            self.expires_on is not None
            and not self.is_expired_on(day)
            and self.expires_on <= day + datetime.timedelta(days=EXPIRES_SOON_DAYS)
        )

    @property
    def is_expired(self) -> bool:
        return self.is_expired_on(timezone.localdate())

    @property
    def expires_soon(self) -> bool:
        """Still valid but ends within EXPIRES_SOON_DAYS: time to plan the renewal."""
        return self.expires_soon_on(timezone.localdate())
