"""Requests a person makes about their own data (GDPR articles 15 to 17).

Subject-access exports are produced on demand and not stored; only erasure
requests are kept, because the answer (and its reason, when refused) must
be shown to the person and to the supervisory authority if asked.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.people.models import Person
from tremplin.structures.models import Structure


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("En personne")
    LETTER = "letter", _("Courrier")
    EMAIL = "email", _("Courriel")
    PHONE = "phone", _("Téléphone")
    OTHER = "other", _("Autre")


class ErasureStatus(models.TextChoices):
    PENDING = "pending", _("En attente de décision")
    ACCEPTED = "accepted", _("Acceptée : effacement programmé")
    DONE = "done", _("Acceptée : données anonymisées")
    REFUSED = "refused", _("Refusée")


class RefusalReason(models.TextChoices):
    """Grounds of GDPR article 17(3) that apply in a work-integration structure."""

    ELIGIBILITY_PROOFS = (
        "eligibility_proofs",
        _(
            "Conservation légale des justificatifs d'éligibilité (24 mois à compter du début du parcours, "
            "pour les contrôles de l'État)"
        ),
    )
    CONTRACT_IN_PROGRESS = "contract_in_progress", _("Contrat de travail en cours (droit du travail)")
    LEGAL_HOLD = "legal_hold", _("Gel des données pour une procédure (contentieux, contrôle)")
    OTHER = "other", _("Autre motif (à préciser)")


class ErasureRequest(PublicModel):
    """A person's request to have their data erased, and the structure's answer."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="erasure_requests")
    # Kept after anonymisation: the request itself is the proof the structure answered.
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="erasure_requests"
    )
    received_on = models.DateField(_("reçue le"))
    channel = models.CharField(_("reçue par"), max_length=20, choices=Channel.choices)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(_("état"), max_length=20, choices=ErasureStatus.choices, default=ErasureStatus.PENDING)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    refusal_reason = models.CharField(_("motif du refus"), max_length=30, choices=RefusalReason.choices, blank=True)
    refusal_detail = models.TextField(_("précisions sur le refus"), blank=True)

    class Meta:
        ordering = ["-received_on", "-created_at"]
        verbose_name = _("demande d'effacement")
        verbose_name_plural = _("demandes d'effacement")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} — {self.received_on:%d/%m/%Y}"

    @property
    def is_pending(self) -> bool:
        return self.status == ErasureStatus.PENDING
