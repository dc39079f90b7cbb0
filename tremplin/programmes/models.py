from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.structures.models import Structure

from .rules import ProgrammeKind, get_rules


class Programme(PublicModel):
    """A programme ("dispositif") a structure runs. Its rules are code, chosen by `kind`."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="programmes")
    kind = models.CharField(_("type de dispositif"), max_length=20, choices=ProgrammeKind.choices)
    name = models.CharField(_("nom"), max_length=200)
    agreement_reference = models.CharField(
        _("référence de la convention"), max_length=80, blank=True, help_text=_("Numéro d'agrément ou de convention.")
    )
    yearly_positive_exit_target = models.PositiveSmallIntegerField(
        _("objectif annuel de sorties dynamiques (%)"), null=True, blank=True
    )
    is_active = models.BooleanField(_("actif"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("dispositif")
        verbose_name_plural = _("dispositifs")

    def __str__(self) -> str:
        return self.name

    @property
    def rules(self):
        return get_rules(self.kind)
