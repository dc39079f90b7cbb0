"""The grid of the tripartite evaluation: the structure's competence grid when the competences app
provides one (its common soft skills and the structure's own competences), else a short built-in grid."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import GridSource


@dataclass(frozen=True)
class GridItem:
    key: str
    label: str


BUILT_IN_GRID = (
    ("punctuality", _("Ponctualité et assiduité")),
    ("instructions", _("Compréhension et respect des consignes")),
    ("safety", _("Respect des règles d'hygiène et de sécurité")),
    ("quality", _("Qualité du travail réalisé")),
    ("pace", _("Rythme de travail")),
    ("teamwork", _("Travail en équipe")),
    ("relations", _("Relations avec la hiérarchie, les collègues et les clients")),
    ("initiative", _("Prise d'initiative et autonomie")),
)

MAX_GRID_ITEMS = 15


def _competence_items(structure) -> list[GridItem]:
    try:
        from tremplin.competences.models import Competence, CompetenceKind
    except ImportError:
        return []
    competences = (
        Competence.objects.available_to(structure)
        .filter(active=True, kind__in=[CompetenceKind.SOFT, CompetenceKind.OWN])
        .order_by("kind", "family", "name")[:MAX_GRID_ITEMS]
    )
    return [GridItem(key=competence.key, label=competence.display_name) for competence in competences]


def grid_for(structure) -> tuple[str, list[GridItem]]:
    """(source, items) of the grid to evaluate an immersion of this structure."""
    items = _competence_items(structure)
    if items:
        return GridSource.COMPETENCES, items
    return GridSource.BUILT_IN, [GridItem(key=key, label=str(label)) for key, label in BUILT_IN_GRID]
