"""The CV draft of a person: what the person and their counsellor chose to show, in which order and words."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel


class CvLanguage(models.TextChoices):
    FRENCH = "fr", _("français")
    ENGLISH = "en", _("anglais")


class CvDraft(PublicModel):
    """One per person. The CV's content comes from the file (portfolio, competences, badges, contracts);
    the draft keeps only the choices: hidden items, their order, the headline and summary, what contact to show."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="cv_draft")
    language = models.CharField(_("langue du CV"), max_length=2, choices=CvLanguage.choices, default=CvLanguage.FRENCH)
    headline = models.CharField(
        _("titre du CV"), max_length=120, blank=True, help_text=_("Par exemple : Agent d'entretien des espaces verts.")
    )
    summary = models.TextField(
        _("présentation"), max_length=400, blank=True, help_text=_("Trois ou quatre lignes, écrites avec la personne.")
    )
    show_email = models.BooleanField(_("afficher le courriel"), default=True)
    show_phone = models.BooleanField(_("afficher le téléphone"), default=True)
    show_city = models.BooleanField(_("afficher la commune"), default=True)
    show_languages = models.BooleanField(_("afficher les langues parlées"), default=True)
    # Item keys ("experience:<public id>", "competence:<key>"…) left out of the CV.
    hidden = models.JSONField(_("éléments retirés"), default=list, blank=True)
    # Item key -> position chosen (smaller first); items without a position keep their natural order after.
    ranks = models.JSONField(_("ordre choisi"), default=dict, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("brouillon de CV")
        verbose_name_plural = _("brouillons de CV")

    def __str__(self) -> str:
        return str(_("CV")) + f" — {self.person}"
