"""Handovers: a référent's people (or the people changing worksite) given to another staff member at once,
with a note for each person or for all, read and acknowledged by the new référent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.pathways.models import Pathway
from tremplin.structures.models import Structure, Worksite


class HandoverKind(models.TextChoices):
    REFERENT = "referent", _("Départ ou changement de référent·e")
    WORKSITE = "worksite", _("Changement de chantier")


class Handover(PublicModel):
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="handovers")
    kind = models.CharField(_("type de passation"), max_length=20, choices=HandoverKind.choices)
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handovers_given",
        verbose_name=_("ancien·ne référent·e"),
    )
    from_worksite = models.ForeignKey(
        Worksite, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("ancien chantier")
    )
    to_referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="handovers_received",
        verbose_name=_("nouveau·elle référent·e"),
    )
    to_worksite = models.ForeignKey(
        Worksite, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("nouveau chantier")
    )
    to_supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nouvel·le encadrant·e technique"),
    )
    note = models.TextField(_("note de passation pour tout le monde"), blank=True, max_length=4000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("faite par")
    )
    acknowledged_at = models.DateTimeField(_("prise en compte le"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("passation")
        verbose_name_plural = _("passations")
        indexes = [models.Index(fields=["to_referent", "acknowledged_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.created_at:%d/%m/%Y}"


class HandoverItem(PublicModel):
    """One person handed over, what they had before, and the note about them."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="items")
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="handover_items")
    previous_referent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    previous_worksite = models.ForeignKey(Worksite, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    previous_supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note pour cette personne"), blank=True, max_length=4000)

    class Meta:
        ordering = ["pathway__person__last_name", "pathway__person__first_name", "id"]
        verbose_name = _("personne confiée")
        verbose_name_plural = _("personnes confiées")
        constraints = [models.UniqueConstraint(fields=["handover", "pathway"], name="handover_item_once")]

    def __str__(self) -> str:
        return f"{self.handover} — {self.pathway_id}"
