"""Demo: the exits of the people who have left, in their programme's categories, and their follow-ups,
some recorded and some due, so the director's indicators and the counsellors' alerts are not empty.

The category is read from what the demo's story wrote when the person left (the contract's early-end
comment or the reason of the move to "exited"). One pathway per structure is left without its exit,
so the demo also shows the button that records it.
"""

from __future__ import annotations

import datetime

from tremplin.contracts.models import Contract, ContractStatus
from tremplin.pathways.models import Pathway, Status
from tremplin.programmes.rules import ProgrammeKind
from tremplin.programmes.rules.base import ExitGroup

from .models import ExitReason, Outcome
from .services import ExitInput, record_exit, record_follow_up

# (words in the story's note, category) per country, first match wins.
KEYWORDS = {
    "FR": (
        ("professionnalisation", "subsidised_contract"),
        ("CDD de huit mois", "cdd_6_months_plus"),
        ("CDI", "cdi"),
        ("formation", "qualifying_training"),
        ("Déménagement", "moved_away"),
    ),
    "BE": (
        ("Déménage", "moved_away"),
        ("allocations de chômage", "unemployment_rights"),
        ("formation", "training"),
        ("durée indéterminée", "job_ordinary_employer"),
        ("en emploi", "job_ordinary_employer"),
    ),
    "IT": (
        ("formation", "training"),
        ("durée indéterminée", "hire_ordinary_market"),
        ("Embauché", "hire_ordinary_market"),
        ("autre coopérative", "other"),
        ("Centro per l'impiego", "other"),
    ),
}

DESTINATIONS = {
    ExitGroup.LASTING: "Employeur partenaire",
    ExitGroup.TRANSITION: "Employeur partenaire",
    ExitGroup.POSITIVE: "Organisme de formation",
}


def _country(kind: str) -> str:
    if kind == ProgrammeKind.BE_ARTICLE_60:
        return "BE"
    if kind == ProgrammeKind.IT_COOP_B:
        return "IT"
    return "FR"


def _note(pathway: Pathway, contract: Contract) -> str:
    exited = pathway.status_changes.filter(to_status=Status.EXITED).first()
    return " ".join(filter(None, [contract.early_end_comment, exited.reason if exited else ""]))


def _category(kind: str, note: str) -> str:
    for words, code in KEYWORDS[_country(kind)]:
        if words in note:
            return code
    return "other"


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        pathways = list(
            Pathway.objects.filter(
                structure=structure,
                status__in=(Status.EXITED, Status.FOLLOW_UP, Status.CLOSED),
                contracts__isnull=False,
            )
            .distinct()
            .select_related("programme", "referent")
            .order_by("pk")
        )
        left_alone = next((p for p in pathways if p.status == Status.EXITED), None)
        for pathway in pathways:
            if pathway is left_alone:
                continue
            contract = Contract.objects.filter(pathway=pathway).order_by("-start_date").first()
            code = _category(pathway.programme.kind, _note(pathway, contract))
            category = pathway.programme.rules.exit_category(code)
            reason = (
                contract.early_end_reason
                if contract.status == ContractStatus.ENDED_EARLY and contract.early_end_reason
                else ExitReason.COMPLETED
            )
            exit_record = record_exit(
                pathway,
                ExitInput(
                    exit_on=contract.effective_end_date,
                    reason=reason,
                    category=code,
                    destination=DESTINATIONS.get(category.group, ""),
                    contract_months=8 if code == "cdd_6_months_plus" else None,
                ),
                by=pathway.referent,
                today=today,
            )
            _follow_up(exit_record, pathway, rng=rng, today=today)


def _follow_up(exit_record, pathway, *, rng, today: datetime.date) -> None:
    """Closed pathways: every due follow-up recorded. Others: the latest due one is left to do (the alert shows)."""
    due = [f for f in exit_record.follow_ups.all() if f.due_on <= today]
    to_record = due if pathway.status == Status.CLOSED else due[:-1]
    outcomes = (
        [Outcome.STILL_IN_JOB, Outcome.STILL_IN_JOB, Outcome.NEW_JOB, Outcome.NO_ANSWER]
        if exit_record.group in (ExitGroup.LASTING, ExitGroup.TRANSITION)
        else [Outcome.TRAINING, Outcome.NEW_JOB, Outcome.UNEMPLOYED, Outcome.NO_ANSWER]
    )
    for item in to_record:
        contacted_on = min(item.due_on + datetime.timedelta(days=rng.randint(0, 6)), today)
        record_follow_up(
            item, contacted_on=contacted_on, outcome=rng.choice(outcomes), note="", by=pathway.referent, today=today
        )
