"""The action plan agreed with the person: objectives, dated actions in the field's sections, reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core import derived_visibility
from tremplin.core.derived_visibility import TracksVisibility
from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet
from tremplin.pathways.models import Pathway


class FollowUpFrequency(models.TextChoices):
    WEEKLY = "weekly", _("hebdomadaire")
    FORTNIGHTLY = "fortnightly", _("tous les quinze jours")
    MONTHLY = "monthly", _("mensuelle")
    QUARTERLY = "quarterly", _("trimestrielle")


# Days between two follow-up interviews; the interviews app computes the next date from it.
FOLLOW_UP_DAYS = {"weekly": 7, "fortnightly": 14, "monthly": 30, "quarterly": 91}


class Section(models.TextChoices):
    """The sections of the follow-up template used in the field."""

    SKILLS = "skills", _("Compétences")
    JOB_SEARCH = "job_search", _("Recherche d'emploi")
    MOBILITY = "mobility", _("Mobilité et logistique")
    PERSONAL_SUPPORT = "personal_support", _("Accompagnement personnel et psychologique")
    FOLLOW_UP = "follow_up", _("Suivi et évaluation")


SECTION_HELP = {
    Section.SKILLS: _("Formations de base et spécifiques, ateliers, stages et périodes d'immersion."),
    Section.JOB_SEARCH: _("Coaching, simulations d'entretien, réseau, candidatures."),
    Section.MOBILITY: _("Solutions de transport, aides financières."),
    Section.PERSONAL_SUPPORT: _("Groupes de pairs, accompagnement individuel."),
    Section.FOLLOW_UP: _("Fréquence des rencontres, résultats obtenus."),
}


class ObjectiveStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("en cours")
    ACHIEVED = "achieved", _("atteint")
    PARTLY_ACHIEVED = "partly_achieved", _("partiellement atteint")
    NOT_ACHIEVED = "not_achieved", _("non atteint")
    ABANDONED = "abandoned", _("abandonné")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("prévue")
    IN_PROGRESS = "in_progress", _("en cours")
    DONE = "done", _("réalisée")
    CANCELLED = "cancelled", _("annulée")


OPEN_ACTION_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class OwnerKind(models.TextChoices):
    PERSON = "person", _("la personne")
    STAFF = "staff", _("un membre de l'équipe")
    PARTNER = "partner", _("un partenaire")


class ActionPlan(PublicModel):
    """One plan per pathway, agreed with the person on a date."""

    pathway = models.OneToOneField(Pathway, on_delete=models.CASCADE, related_name="action_plan")
    follow_up_frequency = models.CharField(
        _("fréquence du suivi"),
        max_length=20,
        choices=FollowUpFrequency.choices,
        default=FollowUpFrequency.FORTNIGHTLY,
        help_text=_("Rythme des entretiens de suivi convenu avec la personne."),
    )
    agreed_on = models.DateField(
        _("convenu le"),
        null=True,
        blank=True,
        help_text=_("Date à laquelle la personne a donné son accord sur le plan."),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("plan d'action")
        verbose_name_plural = _("plans d'action")

    def __str__(self) -> str:
        return str(_("Plan d'action")) + f" — {self.pathway.person}"


class PlanItemVisibility(TracksVisibility):
    """Objectives and actions: their level is derived on save; a change reaches what derives from them."""

    def save(self, *args, **kwargs):
        derived_visibility.derive_before_save(self, kwargs, {"objective", "owner_partner", "orientation"})
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding and self.visibility_changed():
            derived_visibility.refresh_pathway(self.plan.pathway_id)
        self._loaded_visibility = self.visibility


class Objective(PlanItemVisibility, PublicModel):
    """What the person and the counsellor agreed to reach, and how they will know it is reached."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField(_("objectif"))
    # Several barriers (decision 0013): the objective takes the most restrictive of their levels.
    barriers = models.ManyToManyField(
        "barriers.Barrier", blank=True, related_name="objectives", verbose_name=_("freins liés")
    )
    target_job = models.ForeignKey(
        "professional_project.TargetJob",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("métier visé lié"),
    )
    target_date = models.DateField(_("échéance"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=ObjectiveStatus.choices, default=ObjectiveStatus.IN_PROGRESS
    )
    success_indicator = models.TextField(
        _("comment saura-t-on qu'il est atteint"),
        blank=True,
        help_text=_("Le signe concret, convenu avec la personne, que l'objectif est atteint."),
    )
    # Derived, never chosen: the most restrictive of its sources' (docs/decisions/0008).
    visibility = models.CharField(
        _("visibilité"),
        max_length=30,
        choices=Visibility.choices,
        default=Visibility.SHAREABLE_WITH_PARTNERS,
        editable=False,
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = VisibilityQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("objectif")
        verbose_name_plural = _("objectifs")

    def __str__(self) -> str:
        return self.text[:80]


class Action(PlanItemVisibility, PublicModel):
    """A dated step of the plan, with who carries it out."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("objectif"),
    )
    section = models.CharField(_("rubrique"), max_length=20, choices=Section.choices)
    title = models.CharField(_("action"), max_length=200)
    kind = models.CharField(
        _("type"), max_length=100, blank=True, help_text=_("Par exemple : atelier CV, stage, permis de conduire.")
    )
    owner_kind = models.CharField(_("porteur"), max_length=10, choices=OwnerKind.choices, default=OwnerKind.STAFF)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_actions",
        verbose_name=_("membre de l'équipe"),
    )
    # A partner of the directory, or an outside provider named in free text (never both): decision 0013.
    owner_partner = models.ForeignKey(
        "partners.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_actions",
        verbose_name=_("partenaire de l'annuaire"),
    )
    owner_partner_name = models.CharField(_("autre prestataire (nom)"), max_length=200, blank=True)
    orientation = models.ForeignKey(
        "orientations.Orientation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resulting_actions",
        verbose_name=_("issue de l'orientation"),
    )
    due_date = models.DateField(_("échéance"), null=True, blank=True)
    status = models.CharField(_("statut"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    outcome = models.TextField(_("résultat"), blank=True)
    # The order agreed with the person (the counsellor moves actions up and down); new actions go last.
    position = models.PositiveIntegerField(_("ordre"), default=0, editable=False)
    # Derived, never chosen: the most restrictive of its sources' (docs/decisions/0008).
    visibility = models.CharField(
        _("visibilité"),
        max_length=30,
        choices=Visibility.choices,
        default=Visibility.SHAREABLE_WITH_PARTNERS,
        editable=False,
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at", "position"])

    objects = VisibilityQuerySet.as_manager()

    class Meta:
        ordering = ["position", models.F("due_date").asc(nulls_last=True), "created_at", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [models.Index(fields=["plan", "status", "due_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_date and self.status in OPEN_ACTION_STATUSES and self.due_date < timezone.localdate())

    @property
    def owner_display(self) -> str:
        if self.owner_kind == OwnerKind.PERSON:
            return str(_("la personne"))
        if self.owner_kind == OwnerKind.PARTNER:
            if self.owner_partner_id:
                return self.owner_partner.name
            return self.owner_partner_name or str(_("partenaire à préciser"))
        if self.owner_user_id:
            return self.owner_user.get_full_name() or self.owner_user.email
        return str(_("équipe (à préciser)"))


class PlanReview(PublicModel):
    """A dated review of the plan with the person: what changed since the previous one."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("date de la revue"))
    summary = models.TextField(_("ce qui a changé"), blank=True)
    changes = models.JSONField(_("changements relevés"), default=list, blank=True)
    # Lines naming objectives or actions kept for the social staff: shown to them only (decision 0008).
    restricted_changes = models.JSONField(_("changements réservés à l'équipe sociale"), default=list, blank=True)
    next_review_on = models.DateField(_("prochaine revue"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-reviewed_on", "-created_at", "-id"]
        verbose_name = _("revue du plan")
        verbose_name_plural = _("revues du plan")

    def __str__(self) -> str:
        return f"{self.reviewed_on}"
