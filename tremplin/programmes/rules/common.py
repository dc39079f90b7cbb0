"""Checks shared by several programmes."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from tremplin.core.dates import add_months

from .base import ContractInput, Criterion, ProofInput, Violation


def check_contract_dates(contract: ContractInput) -> list[Violation]:
    violations = []
    if contract.start_date is None:
        violations.append(Violation("start_date", "start_required", _("La date de début est obligatoire.")))
    if contract.planned_end_date is None:
        violations.append(Violation("planned_end_date", "end_required", _("La date de fin prévue est obligatoire.")))
    if contract.start_date and contract.planned_end_date and contract.planned_end_date < contract.start_date:
        violations.append(
            Violation(
                "planned_end_date",
                "end_before_start",
                _("La date de fin prévue doit être égale ou postérieure à la date de début."),
            )
        )
    if contract.weekly_hours is None:
        violations.append(Violation("weekly_hours", "hours_required", _("La durée hebdomadaire est obligatoire.")))
    elif contract.weekly_hours <= 0:
        violations.append(
            Violation("weekly_hours", "hours_positive", _("La durée hebdomadaire doit être supérieure à zéro."))
        )
    return violations


def contract_dates_usable(contract: ContractInput) -> bool:
    """Whether the duration rules can be checked: both dates given, in order.

    Each rule runs on whatever data it needs, so a wrong end date never hides an hours rule: the form
    shows every refusal in one submission.
    """
    start, end = contract.start_date, contract.planned_end_date
    return start is not None and end is not None and end >= start


def contract_hours_usable(contract: ContractInput) -> bool:
    """Whether the weekly-hours rules can be checked: hours given and positive."""
    return contract.weekly_hours is not None and contract.weekly_hours > 0


def chain_bounds(contract: ContractInput) -> tuple[datetime.date, datetime.date]:
    """First day of the contract chain (initial contract) and last day of this contract."""
    start = contract.chain_start_date or contract.start_date
    return start, contract.planned_end_date


def last_day_within(start: datetime.date, months: int) -> datetime.date:
    """Last day of a period of `months` months beginning on `start` (1 March + 4 months -> 30 June)."""
    return add_months(start, months) - datetime.timedelta(days=1)


def check_proofs(
    criteria: dict[str, Criterion], proofs: list[ProofInput], on: datetime.date
) -> tuple[list[str], list[Violation]]:
    """Validates each selected criterion's proof; returns the codes whose proof holds."""
    met: list[str] = []
    violations: list[Violation] = []
    seen: set[str] = set()
    for proof in proofs:
        # The same criterion given twice would count twice towards a threshold.
        if proof.criterion_code in seen:
            violations.append(
                Violation(
                    "criteria",
                    "duplicate_criterion",
                    _("Le critère « %(code)s » est indiqué deux fois ; gardez un seul justificatif par critère.")
                    % {"code": proof.criterion_code},
                )
            )
            continue
        seen.add(proof.criterion_code)
        criterion = criteria.get(proof.criterion_code)
        if criterion is None:
            violations.append(
                Violation(
                    "criteria",
                    "unknown_criterion",
                    _("Le critère « %(code)s » n'existe pas pour ce dispositif.") % {"code": proof.criterion_code},
                )
            )
            continue
        field = f"proof_date_{criterion.code}"
        if proof.proof_date is None:
            violations.append(
                Violation(
                    field,
                    "proof_required",
                    _("Critère « %(label)s » : indiquez la date du justificatif (%(proof)s).")
                    % {"label": criterion.label, "proof": criterion.proof},
                )
            )
            continue
        if proof.proof_date > on:
            violations.append(
                Violation(
                    field,
                    "proof_in_future",
                    _("Critère « %(label)s » : la date du justificatif ne peut pas être postérieure au diagnostic.")
                    % {"label": criterion.label},
                )
            )
            continue
        if criterion.proof_max_age_days is not None:
            expires = proof.proof_date + datetime.timedelta(days=criterion.proof_max_age_days)
            if expires < on:
                violations.append(
                    Violation(
                        field,
                        "proof_too_old",
                        _(
                            "Critère « %(label)s » : le justificatif du %(date)s a plus de %(days)s jours ; "
                            "il n'est plus valable, demandez-en un plus récent."
                        )
                        % {
                            "label": criterion.label,
                            "date": proof.proof_date.strftime("%d/%m/%Y"),
                            "days": criterion.proof_max_age_days,
                        },
                    )
                )
                continue
        met.append(criterion.code)
    return met, violations
