"""Immersions in companies (the French PMSMP and its equivalents) and their tripartite evaluation."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel


class Objective(models.TextChoices):
    """The three purposes the PMSMP serves."""

    DISCOVER_JOB = "discover_job", _("découvrir un métier ou un secteur d'activité")
    CONFIRM_PROJECT = "confirm_project", _("confirmer un projet professionnel")
    START_HIRING = "start_hiring", _("engager une démarche de recrutement")


class Conclusion(models.TextChoices):
    PROJECT_CONFIRMED = "project_confirmed", _("projet professionnel confirmé")
    PROJECT_TO_REVISE = "project_to_revise", _("projet à revoir")
    SKILLS_TO_DEVELOP = "skills_to_develop", _("compétences à renforcer avant d'aller plus loin")
    HIRING_PROPOSED = "hiring_proposed", _("recrutement proposé par l'entreprise")
    NOT_CONCLUSIVE = "not_conclusive", _("pas de conclusion pour le moment")


class Immersion(PublicModel):
    """A period in a host company to discover a job, confirm a project or start a hiring."""

    pathway = models.ForeignKey(
        "pathways.Pathway", on_delete=models.CASCADE, related_name="immersions", verbose_name=_("parcours")
    )
    # The host in the structure's network, when it is there (host_name is kept for the others).
    company = models.ForeignKey(
        "employers.Company",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="immersions",
        verbose_name=_("entreprise du réseau"),
    )
    host_name = models.CharField(_("entreprise d'accueil"), max_length=200)
    host_address = models.CharField(_("adresse du lieu d'accueil"), max_length=300, blank=True)
    job_title = models.CharField(_("métier découvert"), max_length=200)
    job_code = models.CharField(
        _("code métier (ROME)"),
        max_length=5,
        blank=True,
        help_text=_("Facultatif : une lettre et quatre chiffres, par exemple A1203."),
    )
    tutor_name = models.CharField(_("tuteur ou tutrice"), max_length=200)
    tutor_role = models.CharField(_("fonction du tuteur"), max_length=200, blank=True)
    tutor_phone = models.CharField(_("téléphone du tuteur"), max_length=30, blank=True)
    tutor_email = models.EmailField(_("courriel du tuteur"), blank=True)
    starts_on = models.DateField(_("premier jour"))
    ends_on = models.DateField(_("dernier jour"))
    # Without it, no invitation or reminder goes to the person (no time to give them).
    arrival_time = models.TimeField(
        _("heure d'arrivée le premier jour"),
        null=True,
        blank=True,
        help_text=_("Facultatif. Sans heure, aucune invitation ni rappel n'est envoyé par SMS ou courriel."),
    )
    objective = models.CharField(_("objectif"), max_length=20, choices=Objective.choices)
    objective_details = models.TextField(
        _("objectifs détaillés"), blank=True, help_text=_("Ce que la personne veut observer, essayer, vérifier.")
    )
    schedule = models.TextField(
        _("horaires"), blank=True, help_text=_("Par exemple : du lundi au vendredi, 8 h – 12 h et 13 h – 16 h.")
    )
    weekly_hours = models.DecimalField(_("heures par semaine"), max_digits=4, decimal_places=1, null=True, blank=True)
    prescriber = models.CharField(
        _("prescripteur"),
        max_length=200,
        blank=True,
        help_text=_("Qui prescrit l'immersion : la structure elle-même, France Travail, la Mission locale…"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("immersion en entreprise")
        verbose_name_plural = _("immersions en entreprise")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="immersion_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.job_title} — {self.host_name}"

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    @property
    def evaluation_or_none(self):
        try:
            return self.evaluation
        except ObjectDoesNotExist:
            return None

    @property
    def phase_label(self) -> str:
        return str(PHASE_LABELS[self.phase])

    @property
    def phase(self) -> str:
        """upcoming, in_progress, to_evaluate or evaluated (no query when the evaluation is select_related)."""
        if self.evaluation_or_none is not None:
            return "evaluated"
        today = timezone.localdate()
        if today < self.starts_on:
            return "upcoming"
        if today <= self.ends_on:
            return "in_progress"
        return "to_evaluate"


PHASE_LABELS = {
    "upcoming": _("à venir"),
    "in_progress": _("en cours"),
    "to_evaluate": _("à évaluer"),
    "evaluated": _("évaluée"),
}


class GridSource(models.TextChoices):
    COMPETENCES = "competences", _("grille de compétences de la structure")
    BUILT_IN = "built_in", _("grille courte intégrée")


class ImmersionEvaluation(PublicModel):
    """The tripartite evaluation at the end: the person, the tutor and the counsellor on the same grid (0–5)."""

    immersion = models.OneToOneField(Immersion, on_delete=models.CASCADE, related_name="evaluation")
    evaluated_on = models.DateField(_("date du bilan"))
    grid_source = models.CharField(_("grille utilisée"), max_length=20, choices=GridSource.choices)
    # [{"key": ..., "label": ..., "person": 0-5|None, "tutor": 0-5|None, "counsellor": 0-5|None}], in grid order.
    scores = models.JSONField(_("niveaux"), default=list, blank=True)
    person_view = models.TextField(_("ce qu'en dit la personne"), blank=True)
    tutor_view = models.TextField(_("ce qu'en dit le tuteur"), blank=True)
    counsellor_view = models.TextField(_("ce qu'en dit le ou la conseillère"), blank=True)
    conclusion = models.CharField(_("conclusion"), max_length=20, choices=Conclusion.choices)
    conclusions = models.TextField(_("conclusions et suites"), blank=True)
    evaluated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("bilan d'immersion")
        verbose_name_plural = _("bilans d'immersion")

    def __str__(self) -> str:
        return f"{self.immersion} — {self.evaluated_on}"
