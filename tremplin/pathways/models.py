from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.people.models import Person
from tremplin.programmes.models import Programme
from tremplin.structures.models import Structure, Worksite


class Status(models.TextChoices):
    CANDIDATE = "candidate", _("Candidat·e")
    ELIGIBLE = "eligible", _("Éligible")
    NOT_ELIGIBLE = "not_eligible", _("Non éligible")
    IN_CONTRACT = "in_contract", _("En contrat")
    EXITED = "exited", _("Sorti·e")
    FOLLOW_UP = "follow_up", _("Suivi après sortie")
    CLOSED = "closed", _("Clos")
    WITHDRAWN = "withdrawn", _("Désistement")


# Which status may follow which. Eligibility and contracts move a pathway
# through their own services; the rest is a counsellor's decision.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.CANDIDATE: frozenset({Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.WITHDRAWN}),
    Status.ELIGIBLE: frozenset({Status.IN_CONTRACT, Status.NOT_ELIGIBLE, Status.WITHDRAWN}),
    Status.NOT_ELIGIBLE: frozenset({Status.CANDIDATE, Status.ELIGIBLE, Status.CLOSED}),
    Status.IN_CONTRACT: frozenset({Status.EXITED}),
    Status.EXITED: frozenset({Status.FOLLOW_UP, Status.CLOSED}),
    Status.FOLLOW_UP: frozenset({Status.CLOSED}),
    Status.WITHDRAWN: frozenset({Status.CANDIDATE, Status.CLOSED}),
    Status.CLOSED: frozenset(),
}

ACTIVE_STATUSES = (Status.CANDIDATE, Status.ELIGIBLE, Status.IN_CONTRACT, Status.EXITED, Status.FOLLOW_UP)


class PathwayQuerySet(models.QuerySet):
    def for_team_of(self, user):
        """Pathways a technical supervisor follows: named on the pathway, or working on one of their worksites."""
        return self.filter(
            models.Q(supervisor=user) | models.Q(worksite__supervisors=user, status=Status.IN_CONTRACT)
        ).distinct()


class Pathway(PublicModel):
    """A person's insertion pathway in one structure and programme."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="pathways")
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="pathways")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="pathways")
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.CANDIDATE)
    status_changed_at = models.DateTimeField(_("statut modifié le"), auto_now_add=True)
    referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referent_pathways",
        verbose_name=_("référent·e"),
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supervised_pathways",
        verbose_name=_("encadrant·e technique"),
    )
    worksite = models.ForeignKey(
        Worksite, on_delete=models.SET_NULL, null=True, blank=True, related_name="pathways", verbose_name=_("chantier")
    )
    referral_source = models.CharField(
        _("orienté·e par"), max_length=200, blank=True, help_text=_("Prescripteur ou candidature spontanée.")
    )

    # French programmes: the PASS IAE (approval for the work-integration programme), typed by hand or pulled
    # from les emplois de l'inclusion with the person's id there (`idItou`). (SIRET, PASS IAE) is the key of
    # a pulled hire: one pathway per PASS IAE in a structure.
    pass_iae_number = models.CharField(_("numéro de PASS IAE"), max_length=12, blank=True)
    pass_iae_start = models.DateField(_("PASS IAE valable du"), null=True, blank=True)
    pass_iae_end = models.DateField(_("PASS IAE valable jusqu'au"), null=True, blank=True)
    itou_id = models.CharField(_("identifiant sur les emplois de l'inclusion"), max_length=64, blank=True)

    objects = PathwayQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("parcours")
        verbose_name_plural = _("parcours")
        indexes = [
            models.Index(fields=["structure", "status"]),
            models.Index(fields=["referent", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["structure", "pass_iae_number"],
                condition=~models.Q(pass_iae_number=""),
                name="one_pathway_per_pass_iae_in_structure",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.programme}"

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS[self.status]

    def is_in_team_of(self, user) -> bool:
        if self.supervisor_id == user.id:
            return True
        if self.status == Status.IN_CONTRACT and self.worksite_id:
            return self.worksite.supervisors.filter(pk=user.pk).exists()
        return False


class StatusChange(models.Model):
    """Who moved a pathway from one status to another, when and why."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("ancien statut"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("nouveau statut"), max_length=20, choices=Status.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(_("le"), auto_now_add=True)
    reason = models.TextField(_("motif"), blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("changement de statut")

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"
