"""Orientations (referrals) of a person to a partner's service, and what is shared with the partner.

An orientation follows the field's steps: proposed → sent → accepted or refused → appointment taken →
done, or dropped at any open step. Each step is dated with who recorded it (OrientationStep). While the
partner owes news, `news_due_on` says by when: the référent's caseload raises an alert after it.

A Share opens a pathway's summary to a partner organisation; it only works while the person's consent
to share with that partner is active and the pathway is open, checked at every read.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core import derived_visibility
from tremplin.core.derived_visibility import TracksVisibility
from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet
from tremplin.partners.models import PartnerOrganisation, PartnerService
from tremplin.pathways.models import Pathway
from tremplin.structures.models import Structure

DEFAULT_NO_NEWS_DAYS = 15


class OrientationStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposée")
    SENT = "sent", _("envoyée")
    ACCEPTED = "accepted", _("acceptée")
    REFUSED = "refused", _("refusée")
    APPOINTMENT_TAKEN = "appointment_taken", _("rendez-vous pris")
    DONE = "done", _("réalisée")
    DROPPED = "dropped", _("abandonnée")


S = OrientationStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PROPOSED: frozenset({S.SENT, S.DROPPED}),
    S.SENT: frozenset({S.ACCEPTED, S.REFUSED, S.DROPPED}),
    S.ACCEPTED: frozenset({S.APPOINTMENT_TAKEN, S.DONE, S.DROPPED}),
    S.APPOINTMENT_TAKEN: frozenset({S.DONE, S.DROPPED}),
    S.REFUSED: frozenset(),
    S.DONE: frozenset(),
    S.DROPPED: frozenset(),
}
# The partner owes news in these statuses; the "no news" alert watches them.
AWAITING_NEWS = (S.SENT, S.ACCEPTED, S.APPOINTMENT_TAKEN)
OPEN_STATUSES = (S.PROPOSED, S.SENT, S.ACCEPTED, S.APPOINTMENT_TAKEN)
# What a partner may record on an orientation sent to them.
PARTNER_STATUSES = (S.ACCEPTED, S.REFUSED, S.APPOINTMENT_TAKEN, S.DONE, S.DROPPED)


class SharedItem(models.TextChoices):
    """The parts of the file a partner may read, each chosen explicitly."""

    STATUS = "status", _("Statut du parcours et dates du contrat")
    PROJECT = "project", _("Projet professionnel")
    OBJECTIVES = "objectives", _("Objectifs et leur avancement")
    NEXT_APPOINTMENT = "next_appointment", _("Prochain rendez-vous")
    NOTES = "notes", _("Notes et documents marqués « partageables avec les partenaires »")
    CONTACT = "contact", _("Coordonnées de la personne (téléphone, courriel)")


class OrientationSettings(models.Model):
    """A structure's choices about orientations."""

    structure = models.OneToOneField(Structure, on_delete=models.CASCADE, related_name="orientation_settings")
    no_news_days = models.PositiveSmallIntegerField(
        _("jours sans nouvelles avant l'alerte"),
        default=DEFAULT_NO_NEWS_DAYS,
        help_text=_("Après ce délai sans nouvelle étape, le ou la référent·e est alerté·e."),
    )

    class Meta:
        verbose_name = _("réglages des orientations")
        verbose_name_plural = _("réglages des orientations")

    def __str__(self) -> str:
        return str(self.structure)


class OrientationQuerySet(VisibilityQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Orientation(TracksVisibility, PublicModel):
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="orientations")
    service = models.ForeignKey(
        PartnerService, on_delete=models.PROTECT, related_name="orientations", verbose_name=_("service du partenaire")
    )
    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="orientations", editable=False
    )
    barrier = models.ForeignKey(
        "barriers.Barrier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orientations",
        verbose_name=_("frein lié"),
    )
    action = models.ForeignKey(
        "action_plan.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orientations",
        verbose_name=_("action liée"),
    )
    reason = models.TextField(_("motif de l'orientation"))
    shared_items = models.JSONField(_("ce qui est partagé"), default=list, blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=OrientationStatus.choices, default=OrientationStatus.PROPOSED
    )
    status_changed_on = models.DateField(_("statut modifié le"))
    news_due_on = models.DateField(_("nouvelles attendues le"), null=True, blank=True, editable=False)
    appointment_on = models.DateField(_("date du rendez-vous"), null=True, blank=True)
    outcome = models.TextField(_("résultat"), blank=True)
    visibility_choice = models.CharField(
        _("visibilité"),
        max_length=30,
        choices=Visibility.choices,
        blank=True,
        help_text=_(
            "Laissée vide, elle suit ce que l'orientation concerne : un frein ou un partenaire de santé, "
            "d'addictologie ou de justice la réservent à l'équipe sociale. Elle ne peut pas être plus large."
        ),
    )
    # What applies: the choice, never less restrictive than the sources (docs/decisions/0008).
    visibility = models.CharField(
        _("visibilité appliquée"),
        max_length=30,
        choices=Visibility.choices,
        default=Visibility.SOCIAL_STAFF_ONLY,
        editable=False,
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = OrientationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("orientation")
        verbose_name_plural = _("orientations")
        indexes = [
            models.Index(fields=["pathway", "status"]),
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["status", "news_due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name} — {self.get_status_display()}"

    def save(self, *args, **kwargs):
        derived_visibility.derive_before_save(self, kwargs, {"visibility_choice", "barrier", "action", "service"})
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            derived_visibility.refresh_consents(self.pathway.person)
        elif self.visibility_changed() or self.resulting_actions.exists():
            # Actions that came from it take its own level (decision 0013), even when its stored one stays.
            derived_visibility.refresh_pathway(self.pathway_id)
        self._loaded_visibility = self.visibility

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS[self.status]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def shared_item_labels(self) -> list[str]:
        return [str(SharedItem(code).label) for code in self.shared_items if code in SharedItem.values]


class OrientationStep(models.Model):
    """One dated step of an orientation, with who recorded it (staff or partner)."""

    orientation = models.ForeignKey(Orientation, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(_("ancien statut"), max_length=20, choices=OrientationStatus.choices, blank=True)
    to_status = models.CharField(_("nouveau statut"), max_length=20, choices=OrientationStatus.choices)
    on = models.DateField(_("le"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    by_partner = models.BooleanField(_("enregistré par le partenaire"), default=False)
    note = models.TextField(_("commentaire"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("étape d'une orientation")
        verbose_name_plural = _("étapes des orientations")

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"


class ShareQuerySet(models.QuerySet):
    def current(self):
        """Not ended by hand; consent and the pathway's status are checked by `services.active_shares`."""
        return self.filter(ended_on__isnull=True)


class Share(PublicModel):
    """A pathway's summary opened to one partner organisation, for the chosen items."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="partner_shares")
    organisation = models.ForeignKey(PartnerOrganisation, on_delete=models.CASCADE, related_name="shares")
    items = models.JSONField(_("ce qui est partagé"), default=list)
    orientation = models.ForeignKey(
        Orientation, on_delete=models.SET_NULL, null=True, blank=True, related_name="shares"
    )
    started_on = models.DateField(_("partagé depuis le"))
    ended_on = models.DateField(_("partage arrêté le"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ShareQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("partage avec un partenaire")
        verbose_name_plural = _("partages avec les partenaires")
        indexes = [models.Index(fields=["organisation", "ended_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["pathway", "organisation"],
                condition=models.Q(ended_on__isnull=True),
                name="one_current_share_per_partner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name} — {self.pathway}"

    @property
    def item_labels(self) -> list[str]:
        return [str(SharedItem(code).label) for code in self.items if code in SharedItem.values]
