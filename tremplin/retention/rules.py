"""Retention defaults per data category, after the CNIL frameworks (see DESIGN.md "Privacy facts").

- Active file (délibération 2021-028 and retention framework 2023-095): kept while
  a pathway is open and 24 months after the last contact, then anonymised.
- Eligibility proofs: kept 24 months from the start of the pathway for the
  State's checks; the file is anonymised only once both deadlines have passed.
- Access log (recommendation 2021-122): 6 to 12 months, purged by the audit app.

A structure may choose another duration within the bounds below.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    ACTIVE_FILE = "active_file", _("Dossier de la personne accompagnée")
    ELIGIBILITY_PROOFS = "eligibility_proofs", _("Justificatifs d'éligibilité")
    ACCESS_LOG = "access_log", _("Journal des accès")


@dataclass(frozen=True)
class Rule:
    category: str
    default_months: int
    min_months: int
    max_months: int
    counted_from: Promise
    then: Promise
    overridable: bool = True

    @property
    def label(self) -> str:
        return Category(self.category).label

    def bound_message(self) -> str:
        return _("%(label)s : la durée doit être comprise entre %(min)s et %(max)s mois.") % {
            "label": self.label,
            "min": self.min_months,
            "max": self.max_months,
        }


RULES: dict[str, Rule] = {
    Category.ACTIVE_FILE: Rule(
        Category.ACTIVE_FILE,
        default_months=24,
        min_months=12,
        max_months=36,
        counted_from=_("le dernier contact, une fois tous les parcours de la personne clos"),
        then=_("anonymisé : l'identité, les coordonnées et les textes libres sont effacés, les statistiques restent"),
    ),
    Category.ELIGIBILITY_PROOFS: Rule(
        Category.ELIGIBILITY_PROOFS,
        default_months=24,
        min_months=24,
        max_months=60,
        counted_from=_("le début du parcours (contrôles de l'État)"),
        then=_("supprimés ; le dossier n'est anonymisé qu'après cette échéance"),
    ),
    Category.ACCESS_LOG: Rule(
        Category.ACCESS_LOG,
        default_months=12,
        min_months=6,
        max_months=12,
        counted_from=_("la date de chaque accès"),
        then=_("supprimé par la purge du journal des accès"),
        overridable=False,
    ),
}
