"""Italy — type-B social co-operatives (law 381/1991) and disability quotas (law 68/1999).

Disadvantaged workers, whose status is certified by a public
administration document, must be at least 30 % of the co-operative's
workers. See docs/decisions/0003-belgian-and-italian-rules.md.
"""

from __future__ import annotations

import datetime
import math
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tremplin.core.dates import add_months

from .base import (
    ContractInput,
    Criterion,
    EligibilityResult,
    ExitCategory,
    ExitGroup,
    PersonFacts,
    ProgrammeKind,
    ProofInput,
    RuleSet,
    Violation,
)
from .common import check_contract_dates, check_proofs, contract_hours_usable

PUBLIC_DOCUMENT = gettext_lazy("documentation de la pubblica amministrazione")

CRITERIA = (
    Criterion(
        "physical_mental_sensory_disability",
        gettext_lazy("Invalidité physique, psychique ou sensorielle"),
        0,
        PUBLIC_DOCUMENT,
        None,
    ),
    Criterion(
        "former_psychiatric_patient",
        gettext_lazy("Ancien·ne patient·e d'institution psychiatrique"),
        0,
        PUBLIC_DOCUMENT,
        None,
    ),
    Criterion(
        "psychiatric_treatment",
        gettext_lazy("Personne en traitement psychiatrique"),
        0,
        PUBLIC_DOCUMENT,
        None,
    ),
    Criterion(
        "addiction",
        gettext_lazy("Personne en parcours de soins d'une dépendance (drogue, alcool)"),
        0,
        PUBLIC_DOCUMENT,
        None,
    ),
    Criterion(
        "minor_family_difficulty",
        gettext_lazy("Mineur·e en âge de travailler en situation familiale difficile"),
        0,
        PUBLIC_DOCUMENT,
        None,
    ),
    Criterion(
        "detained",
        gettext_lazy("Personne détenue ou internée dans un établissement pénitentiaire"),
        0,
        PUBLIC_DOCUMENT,
        None,
    ),
    Criterion(
        "alternative_to_detention",
        gettext_lazy("Personne bénéficiant d'une mesure alternative à la détention ou du travail à l'extérieur"),
        0,
        PUBLIC_DOCUMENT,
        None,
    ),
)

# Exit outcomes of a disadvantaged worker of a type-B co-operative. Law 381/1991 aims at the worker's
# integration in work, so a hire on the ordinary labour market is lasting, a hire in the co-operative
# itself (on an ordinary contract) and a training are positive. Groups are our choice:
# docs/decisions/0005-exit-categories.md.
EXIT_CATEGORIES = (
    ExitCategory(
        "hire_ordinary_market",
        gettext_lazy("Embauche sur le marché du travail ordinaire"),
        ExitGroup.LASTING,
    ),
    ExitCategory("hire_in_coop", gettext_lazy("Embauche dans la coopérative"), ExitGroup.POSITIVE),
    ExitCategory("training", gettext_lazy("Entrée en formation"), ExitGroup.POSITIVE),
    ExitCategory("other", gettext_lazy("Autre situation"), ExitGroup.OTHER),
    ExitCategory("moved_away", gettext_lazy("Déménagement"), ExitGroup.NOT_COUNTED),
    ExitCategory(
        "long_illness",
        gettext_lazy("Maladie de longue durée ou invalidité"),
        ExitGroup.NOT_COUNTED,
        sensitive=True,
    ),
    ExitCategory("death", gettext_lazy("Décès"), ExitGroup.NOT_COUNTED, sensitive=True, follow_up=False),
)

DISADVANTAGED_SHARE_MIN = Decimal("0.30")
MAX_WEEKLY_HOURS = Decimal("40")


def disadvantaged_share_is_met(disadvantaged_workers: int, all_workers: int) -> bool:
    """At least 30 % of the co-operative's workers are disadvantaged (law 381/1991, art. 4)."""
    if all_workers == 0:
        return True
    return Decimal(disadvantaged_workers) >= DISADVANTAGED_SHARE_MIN * all_workers


def disadvantaged_workers_needed(all_workers: int) -> int:
    return math.ceil(DISADVANTAGED_SHARE_MIN * all_workers)


def disability_quota(employees: int) -> int:
    """Disabled workers an employer must hire under law 68/1999, art. 3.

    Above 50 employees the quota is 7 %; a fraction counts as one worker only
    above 0.50 (implementing regulation, DPR 333/2000, art. 3), so 60
    employees (4.2) owe 4 and 65 employees (4.55) owe 5.
    """
    if employees > 50:
        whole, hundredths = divmod(employees * 7, 100)
        return whole + (1 if hundredths > 50 else 0)
    if employees >= 36:
        return 2
    if employees >= 15:
        return 1
    return 0


class ItalyCoopB(RuleSet):
    kind = ProgrammeKind.IT_COOP_B
    country = "IT"
    criteria = CRITERIA
    eligibility_validity_months = 12
    exit_categories = EXIT_CATEGORIES

    def evaluate_eligibility(
        self, proofs: list[ProofInput], person: PersonFacts, on: datetime.date
    ) -> EligibilityResult:
        met, violations = check_proofs(self.criteria_by_code, proofs, on)
        for proof in proofs:
            if proof.criterion_code in met and not proof.proof_reference.strip():
                violations.append(
                    Violation(
                        f"proof_reference_{proof.criterion_code}",
                        "public_document_required",
                        _("Indiquez la référence du document public qui atteste le statut de personne défavorisée."),
                    )
                )
        if any(v.is_error for v in violations):
            return EligibilityResult(False, violations=violations)
        if not met:
            return EligibilityResult(False, summary=_("Non éligible : aucun statut de personne défavorisée justifié."))
        return EligibilityResult(
            True,
            met=met,
            valid_until=add_months(on, self.eligibility_validity_months) - datetime.timedelta(days=1),
            summary=_("Éligible : statut de personne défavorisée attesté par un document public."),
        )

    def check_contract(self, contract: ContractInput, person: PersonFacts) -> list[Violation]:
        violations = check_contract_dates(contract)
        if contract_hours_usable(contract) and contract.weekly_hours > MAX_WEEKLY_HOURS:
            violations.append(
                Violation(
                    "weekly_hours",
                    "above_full_time",
                    _("La durée hebdomadaire ne peut pas dépasser %(hours)s heures.") % {"hours": MAX_WEEKLY_HOURS},
                )
            )
        return violations
