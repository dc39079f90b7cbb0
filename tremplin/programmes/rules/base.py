"""Shared vocabulary of the programme rules.

Rules are plain functions over plain data (dates, numbers, codes), so they
can be tested exhaustively without a database. Every refusal is a
`Violation` that names the form field and the rule, in words a counsellor
understands.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tremplin.core.dates import add_months


class Severity(models.TextChoices):
    ERROR = "error", _("bloquant")
    WARNING = "warning", _("avertissement")


@dataclass(frozen=True)
class Violation:
    field: str | None
    code: str
    message: str
    severity: str = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR


@dataclass(frozen=True)
class Criterion:
    """An administrative eligibility criterion and the proof it needs."""

    code: str
    label: str
    level: int  # 1 or 2 for France; 0 where levels do not exist
    proof: str
    proof_max_age_days: int | None  # None: the proof does not expire by age


@dataclass(frozen=True)
class ProofInput:
    criterion_code: str
    proof_date: datetime.date | None
    proof_reference: str = ""


@dataclass(frozen=True)
class PersonFacts:
    """What the rules need to know of the person, computed by the caller."""

    birth_date: datetime.date | None = None
    recognised_disability: bool = False


@dataclass
class EligibilityResult:
    eligible: bool
    met: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    valid_until: datetime.date | None = None
    summary: str = ""

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.is_error]


class ExtensionReason(models.TextChoices):
    NONE = "", _("aucune")
    TRAINING_IN_PROGRESS = "training", _("achever une formation en cours")
    AGED_50_OR_DISABLED = "age_disability", _("personne de 50 ans et plus ou travailleur handicapé")
    SENTENCE_ADJUSTMENT = "sentence", _("personne sous main de justice (aménagement de peine)")


@dataclass(frozen=True)
class ContractInput:
    """One contract as the rules see it: the dates of the whole chain matter, not only this one."""

    start_date: datetime.date | None
    planned_end_date: datetime.date | None
    weekly_hours: Decimal | None
    reduced_hours_reason: str = ""
    extension_reason: str = ""
    work_days_needed: int | None = None
    # Start of the first contract of the chain when this one is a renewal.
    chain_start_date: datetime.date | None = None
    is_renewal: bool = False


class ProgrammeKind(models.TextChoices):
    FR_ACI = "fr_aci", _("France — Atelier et chantier d'insertion (ACI)")
    FR_EI = "fr_ei", _("France — Entreprise d'insertion (EI)")
    FR_AI = "fr_ai", _("France — Association intermédiaire (AI)")
    FR_ETTI = "fr_etti", _("France — Entreprise de travail temporaire d'insertion (ETTI)")
    BE_ARTICLE_60 = "be_art60", _("Belgique — Mise à l'emploi article 60 §7")
    IT_COOP_B = "it_coop_b", _("Italie — Coopérative sociale de type B (loi 381/1991)")


class ExitGroup(models.TextChoices):
    """How an exit counts in the structure's results (docs/decisions/0005-exit-categories.md)."""

    LASTING = "lasting", _("emploi durable")
    TRANSITION = "transition", _("emploi de transition")
    POSITIVE = "positive", _("sortie positive")
    OTHER = "other", _("autre sortie")
    NOT_COUNTED = "not_counted", _("sortie non comptabilisée")


# Groups that count in the denominator of the exit shares.
COUNTED_EXIT_GROUPS = (ExitGroup.LASTING, ExitGroup.TRANSITION, ExitGroup.POSITIVE, ExitGroup.OTHER)


@dataclass(frozen=True)
class ExitCategory:
    """One outcome a programme's exits are recorded in.

    `months` bounds the length of the new contract when the category depends on it
    (min inclusive, max exclusive; None: no bound). `sensitive` categories (health,
    justice, death) are kept for the social staff. `follow_up`: False where no contact
    after the exit is possible or wanted.
    """

    code: str
    label: str
    group: str
    min_months: int | None = None
    max_months: int | None = None
    sensitive: bool = False
    follow_up: bool = True


class RuleSet:
    """Interface every programme implements. Subclasses set the data and override the checks."""

    kind: str = ""
    country: str = ""
    criteria: tuple[Criterion, ...] = ()
    # How long a favourable eligibility diagnosis stays valid, in months.
    eligibility_validity_months: int = 6
    # Technical supervision ratio; None where the programme sets none.
    max_workers_per_supervisor: int | None = None
    # Outcomes an exit is recorded in, and the stay under which an exit does not count (None: always counts).
    exit_categories: tuple[ExitCategory, ...] = ()
    min_stay_months_for_counted_exit: int | None = None

    @property
    def criteria_by_code(self) -> dict[str, Criterion]:
        return {c.code: c for c in self.criteria}

    def evaluate_eligibility(
        self, proofs: list[ProofInput], person: PersonFacts, on: datetime.date
    ) -> EligibilityResult:
        raise NotImplementedError

    def check_contract(self, contract: ContractInput, person: PersonFacts) -> list[Violation]:
        raise NotImplementedError

    def exit_category(self, code: str) -> ExitCategory | None:
        return next((c for c in self.exit_categories if c.code == code), None)

    def exit_is_counted(
        self, category: ExitCategory, entry_on: datetime.date, exit_on: datetime.date
    ) -> tuple[bool, str]:
        """Whether the exit counts in the results, and why not: "category" or "short_stay"."""
        if category.group == ExitGroup.NOT_COUNTED:
            return False, "category"
        if self.min_stay_months_for_counted_exit is not None:
            if exit_on < add_months(entry_on, self.min_stay_months_for_counted_exit):
                return False, "short_stay"
        return True, ""

    def check_exit_contract_length(self, category: ExitCategory, months: int | None) -> list[Violation]:
        """The new contract's length must match a category defined by it (a CDD of 6 months or more…)."""
        if months is None:
            return []
        if category.min_months is not None and months < category.min_months:
            return [
                Violation(
                    "contract_months",
                    "exit_contract_too_short",
                    gettext(
                        "« %(label)s » suppose un contrat d'au moins %(n)s mois ; la durée indiquée est de %(m)s mois."
                    )
                    % {"label": category.label, "n": category.min_months, "m": months},
                )
            ]
        if category.max_months is not None and months >= category.max_months:
            return [
                Violation(
                    "contract_months",
                    "exit_contract_too_long",
                    gettext(
                        "« %(label)s » suppose un contrat de moins de %(n)s mois ; la durée indiquée est de %(m)s mois."
                    )
                    % {"label": category.label, "n": category.max_months, "m": months},
                )
            ]
        return []
