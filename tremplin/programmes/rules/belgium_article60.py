"""Belgium — employment by a CPAS under article 60 §7 of the organic law of 8 July 1976.

The CPAS is the legal employer; the contract lasts the number of work days
the person needs to open unemployment rights, two years at most. See
docs/decisions/0003-belgian-and-italian-rules.md.
"""

from __future__ import annotations

import datetime
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
from .common import (
    chain_bounds,
    check_contract_dates,
    check_proofs,
    contract_dates_usable,
    contract_hours_usable,
    last_day_within,
)

CRITERIA = (
    Criterion(
        "social_integration_income",
        gettext_lazy("Bénéficiaire du revenu d'intégration ou d'une aide sociale équivalente"),
        0,
        gettext_lazy("décision du CPAS"),
        None,
    ),
    Criterion(
        "legal_stay",
        gettext_lazy("Séjour légal et inscription au registre de la population ou des étrangers"),
        0,
        gettext_lazy("carte d'identité ou titre de séjour en cours de validité"),
        None,
    ),
    Criterion(
        "no_full_unemployment_benefit",
        gettext_lazy("Pas de droit aux allocations de chômage complètes"),
        0,
        gettext_lazy("attestation de l'organisme de paiement ou de l'ONEM"),
        92,
    ),
)

# Exit outcomes of an article 60 employment. The measure's legal aim is to open the worker's right to
# unemployment benefit (organic law of 8 July 1976, art. 60 §7), so opening it is a positive exit; a job
# with an ordinary employer counts as lasting. Groups are our choice: docs/decisions/0005-exit-categories.md.
EXIT_CATEGORIES = (
    ExitCategory("job_ordinary_employer", gettext_lazy("Emploi chez un employeur ordinaire"), ExitGroup.LASTING),
    ExitCategory("training", gettext_lazy("Entrée en formation"), ExitGroup.POSITIVE),
    ExitCategory(
        "unemployment_rights",
        gettext_lazy("Droit aux allocations de chômage ouvert"),
        ExitGroup.POSITIVE,
    ),
    ExitCategory("back_to_cpas_aid", gettext_lazy("Retour au revenu d'intégration du CPAS"), ExitGroup.OTHER),
    ExitCategory("other", gettext_lazy("Autre situation"), ExitGroup.OTHER),
    ExitCategory("moved_away", gettext_lazy("Déménagement hors du territoire du CPAS"), ExitGroup.NOT_COUNTED),
    ExitCategory(
        "long_illness",
        gettext_lazy("Maladie de longue durée ou invalidité"),
        ExitGroup.NOT_COUNTED,
        sensitive=True,
    ),
    ExitCategory("death", gettext_lazy("Décès"), ExitGroup.NOT_COUNTED, sensitive=True, follow_up=False),
)

MAX_MONTHS = 24
FULL_TIME_HOURS = Decimal("38")
HALF_TIME_HOURS = FULL_TIME_HOURS / 2


def unemployment_work_days(start: datetime.date, end_inclusive: datetime.date, weekly_hours: Decimal) -> int:
    """Work days the period is worth for unemployment rights: six-day week regime, pro rata of full time.

    The unemployment rules count a full-time week as six days (312 days = one
    year full time) and convert part-time hours into full-time days, so a
    half-time contract must last twice as long to open the same rights.
    """
    if end_inclusive < start:
        return 0
    total = (end_inclusive - start).days + 1
    full_weeks, rest = divmod(total, 7)
    days = full_weeks * 6 + sum(1 for offset in range(rest) if (start.weekday() + offset) % 7 < 6)
    return int(days * min(weekly_hours, FULL_TIME_HOURS) / FULL_TIME_HOURS)


class BelgiumArticle60(RuleSet):
    kind = ProgrammeKind.BE_ARTICLE_60
    country = "BE"
    criteria = CRITERIA
    eligibility_validity_months = 6
    exit_categories = EXIT_CATEGORIES

    def evaluate_eligibility(
        self, proofs: list[ProofInput], person: PersonFacts, on: datetime.date
    ) -> EligibilityResult:
        met, violations = check_proofs(self.criteria_by_code, proofs, on)
        if any(v.is_error for v in violations):
            return EligibilityResult(False, violations=violations)
        missing = [c for c in self.criteria if c.code not in met]
        if missing:
            summary = _("Non éligible : conditions non justifiées : %(list)s.") % {
                "list": ", ".join(str(c.label) for c in missing)
            }
            return EligibilityResult(False, met=met, summary=summary)
        return EligibilityResult(
            True,
            met=met,
            valid_until=add_months(on, self.eligibility_validity_months) - datetime.timedelta(days=1),
            summary=_("Éligible : les trois conditions de l'article 60 §7 sont justifiées."),
        )

    def check_contract(self, contract: ContractInput, person: PersonFacts) -> list[Violation]:
        violations = check_contract_dates(contract)
        dates_usable, hours_usable = contract_dates_usable(contract), contract_hours_usable(contract)
        chain_start, end = chain_bounds(contract)
        limit = last_day_within(chain_start, MAX_MONTHS) if dates_usable else None
        if dates_usable and end > limit:
            violations.append(
                Violation(
                    "planned_end_date",
                    "contract_too_long",
                    _("Une mise à l'emploi article 60 dure au plus %(max)s mois : fin au plus tard le %(limit)s.")
                    % {"max": MAX_MONTHS, "limit": limit.strftime("%d/%m/%Y")},
                )
            )
        if hours_usable and contract.weekly_hours < HALF_TIME_HOURS:
            violations.append(
                Violation(
                    "weekly_hours",
                    "below_half_time",
                    _("Un contrat à temps partiel article 60 est au moins à mi-temps (%(hours)s heures par semaine).")
                    % {"hours": HALF_TIME_HOURS},
                )
            )
        if hours_usable and contract.weekly_hours > FULL_TIME_HOURS:
            violations.append(
                Violation(
                    "weekly_hours",
                    "above_full_time",
                    _("La durée hebdomadaire ne peut pas dépasser un temps plein (%(hours)s heures).")
                    % {"hours": FULL_TIME_HOURS},
                )
            )
        if contract.work_days_needed is None:
            violations.append(
                Violation(
                    "work_days_needed",
                    "work_days_unknown",
                    _(
                        "Indiquez le nombre de jours de travail nécessaires pour ouvrir le droit aux allocations "
                        "de chômage : la durée du contrat en dépend."
                    ),
                    severity="warning",
                )
            )
        elif dates_usable and hours_usable:
            planned = unemployment_work_days(chain_start, end, contract.weekly_hours)
            if planned < contract.work_days_needed:
                violations.append(
                    Violation(
                        "planned_end_date",
                        "too_few_work_days",
                        _(
                            "Le contrat compte pour environ %(planned)s jours de travail (semaine de six jours, "
                            "au prorata des heures), moins que les %(needed)s nécessaires pour ouvrir le droit "
                            "aux allocations de chômage."
                        )
                        % {"planned": planned, "needed": contract.work_days_needed},
                        severity="warning",
                    )
                )
        return violations
