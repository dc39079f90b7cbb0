"""Applications of a person to jobs: the pipeline from "to apply" to hired, refused or withdrawn, step by step."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel


class Channel(models.TextChoices):
    SENT_OFFER = "sent_offer", _("offre transmise par la structure")
    SPONTANEOUS = "spontaneous", _("candidature spontanée")
    NETWORK = "network", _("réseau (personnel ou de la structure)")
    JOB_BOARD = "job_board", _("site d'offres d'emploi")
    FRANCE_TRAVAIL = "france_travail", _("France Travail ou service public de l'emploi")
    TEMP_AGENCY = "temp_agency", _("agence d'intérim")
    OTHER = "other", _("autre")


class ApplicationStatus(models.TextChoices):
    TO_APPLY = "to_apply", _("à envoyer")
    APPLIED = "applied", _("envoyée")
    INTERVIEW = "interview", _("entretien d'embauche")
    HIRED = "hired", _("embauche")
    REFUSED = "refused", _("refus")
    WITHDRAWN = "withdrawn", _("abandon")


OPEN_STATUSES = (ApplicationStatus.TO_APPLY, ApplicationStatus.APPLIED, ApplicationStatus.INTERVIEW)
CLOSED_STATUSES = (ApplicationStatus.HIRED, ApplicationStatus.REFUSED, ApplicationStatus.WITHDRAWN)

# Which step may follow which. A closed application (hired, refused, withdrawn) never moves again:
# a new chance with the same employer is a new application, so the history of the first one stays true.
TRANSITIONS: dict[str, frozenset[str]] = {
    ApplicationStatus.TO_APPLY: frozenset({ApplicationStatus.APPLIED, ApplicationStatus.WITHDRAWN}),
    ApplicationStatus.APPLIED: frozenset(
        {
            ApplicationStatus.INTERVIEW,
            ApplicationStatus.HIRED,
            ApplicationStatus.REFUSED,
            ApplicationStatus.WITHDRAWN,
        }
    ),
    ApplicationStatus.INTERVIEW: frozenset(
        {ApplicationStatus.HIRED, ApplicationStatus.REFUSED, ApplicationStatus.WITHDRAWN}
    ),
    ApplicationStatus.HIRED: frozenset(),
    ApplicationStatus.REFUSED: frozenset(),
    ApplicationStatus.WITHDRAWN: frozenset(),
}


class Application(PublicModel):
    """One application of a person, for one job at one employer."""

    pathway = models.ForeignKey(
        "pathways.Pathway", on_delete=models.CASCADE, related_name="applications", verbose_name=_("parcours")
    )
    employer_name = models.CharField(
        _("employeur"), max_length=200, help_text=_("Nom de l'entreprise ou de l'organisme qui recrute.")
    )
    job_title = models.CharField(_("poste"), max_length=200)
    job_code = models.CharField(
        _("code métier (ROME)"),
        max_length=5,
        blank=True,
        help_text=_("Facultatif : une lettre et quatre chiffres, par exemple A1203."),
    )
    channel = models.CharField(_("canal"), max_length=20, choices=Channel.choices, default=Channel.SPONTANEOUS)
    # The employer in the structure's network, when it is there (employer_name is kept for the others).
    company = models.ForeignKey(
        "employers.Company",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("entreprise du réseau"),
    )
    # The offer this application answers, and how it reached the person, when the structure sent it.
    offer = models.ForeignKey(
        "job_offers.JobOffer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("offre d'emploi"),
        editable=False,
    )
    sent_offer = models.ForeignKey(
        "matching.SentOffer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("offre transmise"),
        editable=False,
    )
    status = models.CharField(
        _("étape"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.TO_APPLY
    )
    status_on = models.DateField(_("étape atteinte le"))
    employer_feedback = models.TextField(_("retour de l'employeur"), blank=True)
    next_step = models.CharField(_("prochaine étape"), max_length=200, blank=True)
    next_step_on = models.DateField(_("date de la prochaine étape"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-status_on", "-created_at", "-id"]
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        indexes = [models.Index(fields=["pathway", "status"])]

    def __str__(self) -> str:
        return f"{self.job_title} — {self.employer_name}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def next_statuses(self) -> list[str]:
        """The steps this application may move to, in the pipeline's order."""
        allowed = TRANSITIONS[self.status]
        return [value for value in ApplicationStatus.values if value in allowed]


class ApplicationStep(models.Model):
    """One step of an application (its first status, then each move), with its date: the pipeline's history."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(_("étape précédente"), max_length=20, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(_("étape"), max_length=20, choices=ApplicationStatus.choices)
    on = models.DateField(_("le"))
    note = models.TextField(_("précisions"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("étape de candidature")
        verbose_name_plural = _("étapes de candidature")

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status} ({self.on})"
