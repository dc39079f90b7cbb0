"""Catalogue of practices and tools, keyed by barrier domain, that turn into plan actions.

Built-in entries (structure null) are written in French and English by the project;
each structure adds its own.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.action_plan.models import Section
from tremplin.core.models import PublicModel
from tremplin.structures.models import Structure


class EntryQuerySet(models.QuerySet):
    def for_structure(self, structure):
        """Built-in entries and the structure's own."""
        return self.filter(models.Q(structure__isnull=True) | models.Q(structure=structure))


class ToolboxEntry(PublicModel):
    structure = models.ForeignKey(
        Structure, on_delete=models.CASCADE, null=True, blank=True, related_name="toolbox_entries"
    )
    builtin_key = models.SlugField(max_length=60, blank=True, help_text="Stable key of a built-in entry (loader).")
    title_fr = models.CharField(_("titre (français)"), max_length=200)
    title_en = models.CharField(_("titre (anglais)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)
    domains = models.JSONField(_("domaines"), default=list, help_text=_("Domaines de freins concernés."))
    section = models.CharField(_("rubrique du plan"), max_length=20, choices=Section.choices)
    kind = models.CharField(_("type d'action"), max_length=100, blank=True)

    objects = EntryQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["title_fr", "id"]
        verbose_name = _("fiche de la boîte à outils")
        verbose_name_plural = _("fiches de la boîte à outils")
        constraints = [
            models.UniqueConstraint(
                fields=["builtin_key"],
                condition=models.Q(structure__isnull=True) & ~models.Q(builtin_key=""),
                name="toolbox_unique_builtin_key",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_builtin(self) -> bool:
        return self.structure_id is None

    def _localised(self, field: str) -> str:
        language = (get_language() or "fr")[:2]
        if language == "en":
            return getattr(self, f"{field}_en") or getattr(self, f"{field}_fr")
        return getattr(self, f"{field}_fr") or getattr(self, f"{field}_en")

    @property
    def domain_labels(self) -> list[str]:
        from tremplin.barriers.models import BarrierDomain

        labels = dict(BarrierDomain.choices)
        return [str(labels.get(d, d)) for d in self.domains or []]

    @property
    def title(self) -> str:
        return self._localised("title")

    @property
    def description(self) -> str:
        return self._localised("description")
