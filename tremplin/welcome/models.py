import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.pathways.models import Pathway
from tremplin.structures.models import Structure

MAX_DUE_IN_DAYS = 365


class Doer(models.TextChoices):
    COUNSELLOR = "counsellor", _("Conseiller·ère en insertion")
    SUPERVISOR = "supervisor", _("Encadrant·e technique")
    WORKSITE_LEAD = "worksite_lead", _("Chef·fe de chantier")
    DIRECTOR = "director", _("Direction")
    PERSON = "person", _("La personne accompagnée")


# Steps a technical supervisor may tick for the people of their team.
SUPERVISOR_DOERS = frozenset({Doer.SUPERVISOR, Doer.WORKSITE_LEAD})


class WelcomeStepTemplate(PublicModel):
    """One step of a structure's welcome checklist, copied into each new person's checklist."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="welcome_step_templates")
    title = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    due_in_days = models.PositiveSmallIntegerField(
        _("délai en jours"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_DUE_IN_DAYS)],
        help_text=_("Nombre de jours après le début du premier contrat (0 : le premier jour)."),
    )
    doer = models.CharField(_("fait par"), max_length=20, choices=Doer.choices, default=Doer.COUNSELLOR)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("étape d'accueil type")
        verbose_name_plural = _("étapes d'accueil types")

    def __str__(self) -> str:
        return self.title


class WelcomeStep(PublicModel):
    """One step of a person's welcome checklist: a copy of the template, so later template changes
    do not rewrite what was agreed and done for people already in contract."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="welcome_steps")
    template = models.ForeignKey(
        WelcomeStepTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="steps"
    )
    title = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    due_in_days = models.PositiveSmallIntegerField(_("délai en jours"), default=0)
    doer = models.CharField(_("fait par"), max_length=20, choices=Doer.choices, default=Doer.COUNSELLOR)
    done_on = models.DateField(_("fait le"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("noté par"),
    )
    comment = models.TextField(_("commentaire"), blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("étape d'accueil")
        verbose_name_plural = _("étapes d'accueil")

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def due_date(self, contract_start: datetime.date | None) -> datetime.date | None:
        if contract_start is None:
            return None
        return contract_start + datetime.timedelta(days=self.due_in_days)

    def is_late(self, contract_start: datetime.date | None, today: datetime.date) -> bool:
        """Late: not done and its due date is past. Computed, never stored."""
        due = self.due_date(contract_start)
        return not self.is_done and due is not None and due < today
