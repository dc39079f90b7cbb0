"""Signing, renewing, suspending and ending insertion contracts.

Each operation validates everything first (programme rules, eligibility,
overlaps) and writes in one transaction, so a refused contract leaves no
trace. Warnings (rules that inform without blocking) are returned to the
caller to show.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.eligibility.models import EligibilityDiagnosis
from tremplin.eligibility.services import person_facts
from tremplin.pathways.models import Status
from tremplin.pathways.services import change_status
from tremplin.programmes.rules.base import ContractInput, Violation

from .models import Contract, ContractStatus, Suspension

OPEN_STATUSES = (ContractStatus.PLANNED, ContractStatus.ACTIVE, ContractStatus.SUSPENDED, ContractStatus.RENEWED)


@dataclass(frozen=True)
class ContractTerms:
    start_date: datetime.date | None
    planned_end_date: datetime.date | None
    weekly_hours: Decimal | None
    position: str
    worksite: object | None = None
    reduced_hours_reason: str = ""
    extension_reason: str = ""
    work_days_needed: int | None = None
    host_organisation: str = ""


def _raise(violations: list[Violation]) -> None:
    errors: dict[str, list[str]] = {}
    for violation in violations:
        if violation.is_error:
            errors.setdefault(violation.field or NON_FIELD_ERRORS, []).append(violation.message)
    if errors:
        raise ValidationError(errors)


def _check_overlap(pathway, terms: ContractTerms, exclude: Contract | None) -> list[Violation]:
    if terms.start_date is None or terms.planned_end_date is None or terms.planned_end_date < terms.start_date:
        return []  # the dates' own refusal says what to fix
    others = Contract.objects.filter(pathway__person=pathway.person, pathway__structure=pathway.structure).exclude(
        status=ContractStatus.CANCELLED
    )
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    for other in others:
        if other.start_date <= terms.planned_end_date and terms.start_date <= other.effective_end_date:
            return [
                Violation(
                    "start_date",
                    "overlapping_contract",
                    _("Ces dates chevauchent un autre contrat de la personne dans la structure (%(other)s).")
                    % {"other": str(other)},
                )
            ]
    return []


def _check_eligibility(pathway, start: datetime.date | None) -> list[Violation]:
    if start is None:
        return []
    diagnosis = (
        EligibilityDiagnosis.objects.filter(
            pathway=pathway, is_eligible=True, made_on__lte=start, valid_until__gte=start
        )
        .order_by("-made_on")
        .first()
    )
    if diagnosis is None:
        return [
            Violation(
                "start_date",
                "no_valid_eligibility",
                _(
                    "Aucun diagnostic d'éligibilité favorable n'est valable à la date de début : "
                    "enregistrez l'éligibilité, ou choisissez une date couverte par le diagnostic."
                ),
            )
        ]
    return []


def _rules_input(terms: ContractTerms, chain_start: datetime.date | None, is_renewal: bool) -> ContractInput:
    return ContractInput(
        start_date=terms.start_date,
        planned_end_date=terms.planned_end_date,
        weekly_hours=terms.weekly_hours,
        reduced_hours_reason=terms.reduced_hours_reason,
        extension_reason=terms.extension_reason,
        work_days_needed=terms.work_days_needed,
        chain_start_date=chain_start,
        is_renewal=is_renewal,
    )


def _check_worksite(pathway, terms: ContractTerms) -> list[Violation]:
    if terms.worksite is not None and terms.worksite.structure_id != pathway.structure_id:
        return [Violation("worksite", "foreign_worksite", _("Ce chantier n'appartient pas à la structure."))]
    return []


def planned_contract(pathway) -> Contract | None:
    """The contract signed for this pathway that has not started yet, if any."""
    return Contract.objects.filter(pathway=pathway, status=ContractStatus.PLANNED).order_by("start_date").first()


def check_new_contract(pathway, terms: ContractTerms) -> list[Violation]:
    """Every rule a first contract must pass, errors and warnings alike."""
    violations: list[Violation] = []
    waiting = planned_contract(pathway)
    if waiting is not None:
        violations.append(
            Violation(
                None,
                "contract_already_signed",
                _("Un contrat est déjà signé pour ce parcours : il débute le %(d)s.")
                % {"d": waiting.start_date.strftime("%d/%m/%Y")},
            )
        )
    if pathway.status != Status.ELIGIBLE:
        violations.append(
            Violation(
                None,
                "pathway_not_eligible",
                _("Un contrat se signe avec une personne éligible ; ce parcours est au statut « %(s)s ».")
                % {"s": pathway.get_status_display()},
            )
        )
    rules = pathway.programme.rules
    violations += rules.check_contract(_rules_input(terms, None, False), person_facts(pathway.person))
    violations += _check_worksite(pathway, terms)
    violations += _check_eligibility(pathway, terms.start_date)
    violations += _check_overlap(pathway, terms, exclude=None)
    return violations


def sign_contract(
    pathway, terms: ContractTerms, *, by, today: datetime.date | None = None
) -> tuple[Contract, list[Violation]]:
    """Signs a first contract. The person is in contract from its start date, not from the signature:
    a contract starting later stays planned (the pathway stays eligible, off the worksite's attendance)
    until `start_due_contracts` starts it on its first day."""
    today = today or timezone.localdate()
    violations = check_new_contract(pathway, terms)
    _raise(violations)
    starts_later = terms.start_date > today
    with transaction.atomic():
        contract = Contract.objects.create(
            pathway=pathway,
            signed_by=by,
            status=ContractStatus.PLANNED if starts_later else ContractStatus.ACTIVE,
            **_fields(terms),
        )
        if terms.worksite is not None and pathway.worksite_id != terms.worksite.pk:
            pathway.worksite = terms.worksite
            pathway.save(update_fields=["worksite", "updated_at"])
        if not starts_later:
            change_status(pathway, Status.IN_CONTRACT, by=by, reason=_("Contrat signé : %(c)s") % {"c": contract})
    warnings = [v for v in violations if not v.is_error] + supervision_warnings(terms.worksite, pathway.programme)
    return contract, warnings


def check_existing_contract(pathway, terms: ContractTerms) -> list[Violation]:
    """The rules a contract signed before the structure used Tremplin must pass (a spreadsheet import): the
    programme's rules, the worksite and the overlap, as on signature. The eligibility was checked when the
    person was hired, outside Tremplin, so neither the diagnosis nor the pathway's status is asked here."""
    rules = pathway.programme.rules
    violations = rules.check_contract(_rules_input(terms, None, False), person_facts(pathway.person))
    violations += _check_worksite(pathway, terms)
    violations += _check_overlap(pathway, terms, exclude=None)
    return violations


def record_existing_contract(pathway, terms: ContractTerms, *, status: str, by) -> Contract:
    """Records a contract taken over from another tool, in the state its dates give; refuses what
    `check_existing_contract` refuses. The pathway's status is the caller's (change_status)."""
    _raise(check_existing_contract(pathway, terms))
    with transaction.atomic():
        contract = Contract.objects.create(pathway=pathway, signed_by=by, status=status, **_fields(terms))
        if terms.worksite is not None and pathway.worksite_id != terms.worksite.pk:
            pathway.worksite = terms.worksite
            pathway.save(update_fields=["worksite", "updated_at"])
    return contract


def start_contract(contract: Contract, *, by=None) -> Contract:
    """A planned contract's first day: the contract runs and the pathway moves into contract."""
    with transaction.atomic():
        contract.status = ContractStatus.ACTIVE
        contract.save(update_fields=["status", "updated_at"])
        change_status(
            contract.pathway,
            Status.IN_CONTRACT,
            by=by,
            reason=_("Début du contrat signé : %(c)s") % {"c": contract},
        )
    return contract


def start_due_contracts(today: datetime.date | None = None) -> list[Contract]:
    """Starts every planned contract whose start date has come (the daily task; a missed day catches up).

    A pathway that left the eligible status meanwhile (withdrawal, new diagnosis) keeps its contract
    planned: starting it would contradict what the team recorded since, so it waits for a person's decision.
    """
    today = today or timezone.localdate()
    due = Contract.objects.filter(
        status=ContractStatus.PLANNED, start_date__lte=today, pathway__status=Status.ELIGIBLE
    ).select_related("pathway")
    return [start_contract(contract) for contract in due.order_by("start_date", "pk")]


def renew_contract(previous: Contract, terms: ContractTerms, *, by) -> tuple[Contract, list[Violation]]:
    pathway = previous.pathway
    violations: list[Violation] = []
    if previous.status not in (ContractStatus.ACTIVE, ContractStatus.SUSPENDED) or hasattr(previous, "renewal"):
        violations.append(
            Violation(None, "not_renewable", _("Seul un contrat en cours, non encore renouvelé, peut être renouvelé."))
        )
    expected_start = previous.planned_end_date + datetime.timedelta(days=1)
    if terms.start_date is not None and terms.start_date != expected_start:
        violations.append(
            Violation(
                "start_date",
                "renewal_not_contiguous",
                _("Un renouvellement commence le lendemain de la fin du contrat précédent, soit le %(d)s.")
                % {"d": expected_start.strftime("%d/%m/%Y")},
            )
        )
    rules = pathway.programme.rules
    violations += rules.check_contract(
        _rules_input(terms, previous.chain_start_date(), True), person_facts(pathway.person)
    )
    violations += _check_worksite(pathway, terms)
    violations += _check_overlap(pathway, terms, exclude=previous)
    _raise(violations)
    with transaction.atomic():
        contract = Contract.objects.create(pathway=pathway, renews=previous, signed_by=by, **_fields(terms))
        previous.status = ContractStatus.RENEWED
        previous.save(update_fields=["status", "updated_at"])
        # The pathway follows the worksite, as on signature, so the new worksite's supervisors see the person.
        if terms.worksite is not None and pathway.worksite_id != terms.worksite.pk:
            pathway.worksite = terms.worksite
            pathway.save(update_fields=["worksite", "updated_at"])
    warnings = [v for v in violations if not v.is_error]
    if terms.worksite is not None and terms.worksite.pk != previous.worksite_id:
        warnings += supervision_warnings(terms.worksite, pathway.programme)
    return contract, warnings


def suspend_contract(contract: Contract, *, start_date, end_date, reason: str, by) -> Suspension:
    errors: dict[str, list[str]] = {}
    if start_date and end_date and end_date < start_date:
        errors["end_date"] = [_("La fin de la suspension doit être égale ou postérieure à son début.")]
    if start_date and (start_date < contract.start_date or start_date > contract.effective_end_date):
        errors["start_date"] = [_("La suspension doit commencer pendant le contrat.")]
    if end_date and end_date > contract.effective_end_date and "end_date" not in errors:
        # A suspension does not push back the end of a fixed-term contract.
        errors["end_date"] = [
            _("La suspension ne peut pas durer au-delà de la fin du contrat, le %(d)s.")
            % {"d": contract.effective_end_date.strftime("%d/%m/%Y")}
        ]
    if contract.status not in (ContractStatus.ACTIVE, ContractStatus.SUSPENDED):
        errors[NON_FIELD_ERRORS] = [_("Seul un contrat en cours peut être suspendu.")]
    if not errors and contract.suspensions.filter(start_date__lte=end_date, end_date__gte=start_date).exists():
        errors["start_date"] = [_("Cette période chevauche une suspension déjà enregistrée.")]
    if errors:
        raise ValidationError(errors)
    return Suspension.objects.create(
        contract=contract, start_date=start_date, end_date=end_date, reason=reason, recorded_by=by
    )


def end_contract_early(contract: Contract, *, ended_on, reason: str, comment: str, by) -> Contract:
    errors: dict[str, list[str]] = {}
    if contract.status not in (ContractStatus.ACTIVE, ContractStatus.SUSPENDED):
        errors[NON_FIELD_ERRORS] = [_("Ce contrat n'est plus en cours.")]
    if ended_on and ended_on < contract.start_date:
        errors["ended_on"] = [_("La date de rupture ne peut pas précéder le début du contrat.")]
    if ended_on and ended_on > contract.planned_end_date:
        errors["ended_on"] = [
            _("La date de rupture doit précéder la fin prévue ; après, le contrat arrive à son terme.")
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        contract.status = ContractStatus.ENDED_EARLY
        contract.ended_on = ended_on
        contract.early_end_reason = reason
        contract.early_end_comment = comment
        contract.save(update_fields=["status", "ended_on", "early_end_reason", "early_end_comment", "updated_at"])
        pathway = contract.pathway
        if pathway.status == Status.IN_CONTRACT:
            change_status(
                pathway,
                Status.EXITED,
                by=by,
                reason=_("Fin anticipée du contrat : %(r)s") % {"r": contract.get_early_end_reason_display()},
            )
    return contract


def cancel_planned_contract(contract: Contract, *, reason: str, by) -> Contract:
    """A contract signed ahead of its first day that will not start (the person found another job, changed
    their mind, the worksite closed). Nothing was worked: the pathway keeps its status and another contract
    can be signed; the contract stays on record, marked cancelled, with the reason."""
    errors: dict[str, list[str]] = {}
    if contract.status != ContractStatus.PLANNED:
        errors[NON_FIELD_ERRORS] = [
            _("Seul un contrat qui n'a pas encore commencé peut être annulé ; un contrat en cours se rompt.")
        ]
    if not reason.strip():
        errors["reason"] = [_("Indiquez pourquoi le contrat ne commencera pas.")]
    if errors:
        raise ValidationError(errors)
    contract.status = ContractStatus.CANCELLED
    contract.cancellation_reason = reason.strip()
    contract.save(update_fields=["status", "cancellation_reason", "updated_at"])
    return contract


def complete_contract(contract: Contract, *, by, today: datetime.date | None = None) -> Contract:
    """The contract reached its planned end: it is completed and the pathway moves to exited."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if contract.status not in (ContractStatus.ACTIVE, ContractStatus.SUSPENDED):
        errors[NON_FIELD_ERRORS] = [_("Ce contrat n'est plus en cours.")]
    elif contract.planned_end_date > today:
        errors[NON_FIELD_ERRORS] = [
            _("Ce contrat n'arrive à son terme que le %(d)s.") % {"d": contract.planned_end_date.strftime("%d/%m/%Y")}
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        contract.status = ContractStatus.COMPLETED
        contract.save(update_fields=["status", "updated_at"])
        pathway = contract.pathway
        if pathway.status == Status.IN_CONTRACT:
            change_status(
                pathway, Status.EXITED, by=by, reason=_("Contrat arrivé à son terme : %(c)s") % {"c": contract}
            )
    return contract


def _fields(terms: ContractTerms) -> dict:
    return {
        "start_date": terms.start_date,
        "planned_end_date": terms.planned_end_date,
        "weekly_hours": terms.weekly_hours,
        "position": terms.position,
        "worksite": terms.worksite,
        "reduced_hours_reason": terms.reduced_hours_reason,
        "extension_reason": terms.extension_reason,
        "work_days_needed": terms.work_days_needed,
        "host_organisation": terms.host_organisation,
    }


def worksites_with_load(structure):
    """Worksites annotated with people in contract and supervisors, in one query."""
    from tremplin.structures.models import Worksite

    return Worksite.objects.filter(structure=structure).annotate(
        workers=Count(
            "contracts",
            filter=Q(contracts__status__in=(ContractStatus.ACTIVE, ContractStatus.SUSPENDED)),
            distinct=True,
        ),
        supervisor_count=Count("supervisors", distinct=True),
    )


def supervision_limit(structure) -> int | None:
    """Most people in contract per technical supervisor: the strictest rule among the structure's
    active programmes (French ACI: 12); None when no programme sets one."""
    from tremplin.programmes.models import Programme
    from tremplin.programmes.rules import get_rules

    kinds = (
        Programme.objects.filter(structure=structure, is_active=True)
        .order_by()
        .values_list("kind", flat=True)
        .distinct()
    )
    limits = [get_rules(kind).max_workers_per_supervisor for kind in kinds]
    return min((limit for limit in limits if limit is not None), default=None)


def ratio_warning(workers: int, supervisors: int, limit: int | None) -> str:
    """A sentence (never a colour alone) when a worksite has more people in contract than its supervisors may lead.

    Only programmes that set a ratio are checked (French ACI); there, a worksite with people in
    contract and no supervisor at all is flagged too.
    """
    if limit is None:
        return ""
    if workers and not supervisors:
        return ngettext(
            "Aucun·e encadrant·e technique pour %(n)s personne en contrat.",
            "Aucun·e encadrant·e technique pour %(n)s personnes en contrat.",
            workers,
        ) % {"n": workers}
    if workers <= limit * supervisors:
        return ""
    return ngettext(
        "Taux d'encadrement dépassé : %(n)s personnes en contrat pour %(s)s encadrant·e, "
        "la règle est d'au plus %(limit)s personnes par encadrant·e.",
        "Taux d'encadrement dépassé : %(n)s personnes en contrat pour %(s)s encadrant·es, "
        "la règle est d'au plus %(limit)s personnes par encadrant·e.",
        supervisors,
    ) % {"n": workers, "s": supervisors, "limit": limit}


def supervision_warnings(worksite, programme) -> list[Violation]:
    """The supervision ratio of the worksite once the contract is on it, as a warning."""
    if worksite is None:
        return []
    loaded = worksites_with_load(worksite.structure).get(pk=worksite.pk)
    warning = ratio_warning(loaded.workers, loaded.supervisor_count, programme.rules.max_workers_per_supervisor)
    if not warning:
        return []
    message = _("Chantier « %(w)s » : %(warning)s") % {"w": worksite.name, "warning": warning}
    return [Violation("worksite", "supervision_ratio", message, severity="warning")]
