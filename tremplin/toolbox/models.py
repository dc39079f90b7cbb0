"""Catalogue of practices and tools, keyed by barrier domain, that turn into plan actions.

Built-in entries (structure null) are written in French and English by the project;
each structure adds its own, with a partner of its directory attached when one offers it.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.action_plan.models import Section
from tremplin.core.models import PublicModel
from tremplin.core.search_keys import query_words, search_key
from tremplin.structures.models import Structure


class Family(models.TextChoices):
    """What a practice helps with, as a counsellor browses the toolbox."""

    PROJECT = "project", _("Choisir un projet professionnel")
    FUNDING = "funding", _("Financer une formation")
    RECOGNITION = "recognition", _("Faire reconnaître ses compétences")
    BASIC_SKILLS = "basic_skills", _("Savoirs de base")
    JOB_SEARCH = "job_search", _("Trouver un emploi")
    BARRIERS = "barriers", _("Lever les freins périphériques")


SEARCHED_FIELDS = (
    "title_fr",
    "title_en",
    "description_fr",
    "description_en",
    "provider_fr",
    "provider_en",
    "access_fr",
    "access_en",
)


def search_text(entry) -> str:
    """The entry's words folded (accents and case ignored), as the toolbox search matches them."""
    return search_key(" ".join(str(getattr(entry, name, "") or "") for name in SEARCHED_FIELDS))


def domain_codes(domains) -> str:
    """The domains as « mobility housing » with spaces around, so a filter matches a whole code only."""
    return f" {' '.join(domains)} " if domains else ""


class EntryQuerySet(models.QuerySet):
    def for_structure(self, structure):
        """Built-in entries and the structure's own."""
        return self.filter(models.Q(structure__isnull=True) | models.Q(structure=structure))

    def search(self, query: str = "", *, family: str = "", domain: str = ""):
        """Entries whose text holds every word of `query` (accents ignored), of a family and a barrier domain."""
        entries = self
        for word in query_words(query):
            entries = entries.filter(search_text__contains=word)
        if family:
            entries = entries.filter(family=family)
        if domain:
            entries = entries.filter(domain_codes__contains=f" {domain} ")
        return entries


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
    family = models.CharField(_("famille"), max_length=20, choices=Family.choices, default=Family.BARRIERS)
    provider_fr = models.TextField(_("qui le propose (français)"), blank=True)
    provider_en = models.TextField(_("qui le propose (anglais)"), blank=True)
    access_fr = models.TextField(_("comment y accéder (français)"), blank=True)
    access_en = models.TextField(_("comment y accéder (anglais)"), blank=True)
    partner = models.ForeignKey(
        "partners.PartnerOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toolbox_entries",
        verbose_name=_("partenaire de l'annuaire"),
    )
    search_text = models.TextField(editable=False, blank=True)
    domain_codes = models.CharField(max_length=300, editable=False, blank=True)

    objects = EntryQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "search_text", "domain_codes"])

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

    def save(self, *args, **kwargs):
        self.search_text = search_text(self)
        self.domain_codes = domain_codes(self.domains)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "domain_codes"}
        super().save(*args, **kwargs)

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

    @property
    def provider(self) -> str:
        return self._localised("provider")

    @property
    def access(self) -> str:
        return self._localised("access")
